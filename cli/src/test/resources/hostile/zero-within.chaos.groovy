// an expectation with a zero deadline | expect: 7:5: a deadline must be above zero, not 0ms
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    expect failClosed within 0.s
    recover
}
