// an expectation with a negative deadline | expect: 7:5: a deadline must be above zero, not -1s
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    expect failClosed within(-1.s)
    recover
}
