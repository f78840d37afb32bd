// a misspelt SLO metric | expect: 6:5: unknown word 'errorRat', did you mean 'errorRate'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
slo {
    errorRat below 5.percent
}
scenario 'a' {
    inject kill('guardian')
    recover
}
