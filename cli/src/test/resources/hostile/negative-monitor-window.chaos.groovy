// a negative monitoring window | expect: 2:1: monitor needs a duration for every: above zero, not -500ms
monitor every: -500.ms
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
