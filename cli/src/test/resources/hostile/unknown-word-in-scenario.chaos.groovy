// a misspelt step inside a scenario | expect: 6:5: unknown word 'injct', did you mean 'inject'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    injct kill('guardian')
    recover
}
