// a misspelt link fault | expect: 6:12: unknown fault 'partion', did you mean 'partition'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject partion('guardian')
    recover
}
