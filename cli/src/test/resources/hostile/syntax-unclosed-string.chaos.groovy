// a string literal without its closing quote | expect: 2:11: Unexpected character: '\''
component 'guardian
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
