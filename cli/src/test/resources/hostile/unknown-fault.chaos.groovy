// a misspelt fault | expect: 6:12: unknown fault 'kil', did you mean 'kill'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kil('guardian')
    recover
}
