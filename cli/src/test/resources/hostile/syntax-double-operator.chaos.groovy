// two operators in a row | expect: 2:11: Unexpected input: '+'
def x = 5 +* 3
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
