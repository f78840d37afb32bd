// a block comment that never ends | expect: 5:2: Unexpected input: '*'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
/* never closed
scenario 'a' { recover }
