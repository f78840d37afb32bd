// an expectation without a deadline | expect: 7:5: expect failClosed needs a deadline; write it as: expect failClosed
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    expect failClosed
    recover
}
