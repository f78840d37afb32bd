// a load rate given as a duration | expect: 5:1: load needs a rate for rate:, not 50ms; write it as: load
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
load http.get("${sut.gateway}/api/orders"), rate: 50.ms
scenario 'a' {
    inject kill('guardian')
    recover
}
