// a ${ in a GString that is never closed | expect: 3:54: Unexpected character: '"'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway/health").status == 200 }
