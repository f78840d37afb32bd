// a link timeout closing after a negative time | expect: 6:5: after must be above zero, not -2s
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject timeout(sut.links.guardian, after: -2.s)
    recover
}
