// expect ... within a bare number | expect: 7:23: within needs a duration, not 5; write it as: expect healthy within
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    expect failClosed within 5
    recover
}
