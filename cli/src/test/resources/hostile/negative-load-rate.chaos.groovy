// a negative load rate | expect: 5:1: a rate cannot be negative (-50/s)
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
load http.get("${sut.gateway}/api/orders"), rate: -50.perSecond
scenario 'a' {
    inject kill('guardian')
    recover
}
