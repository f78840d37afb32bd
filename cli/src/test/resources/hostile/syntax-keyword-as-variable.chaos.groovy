// a Groovy keyword used as a variable name | expect: 2:5: Unexpected input: 'def class'
def class = 1
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
