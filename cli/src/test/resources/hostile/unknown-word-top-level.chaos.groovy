// a misspelt top-level word | expect: 5:1: unknown word 'scenaro', did you mean 'scenario'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenaro 'a' {
    recover
}
