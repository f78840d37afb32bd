// a malformed number literal | expect: 6:5: hold needs a duration, not 1.2; write it as: hold 30.s
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    hold 1.2.3.s
    recover
}
