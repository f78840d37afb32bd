// a negative latency | expect: 6:5: the delay must be above zero, not -200ms
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject latency(sut.links.guardian, -200.ms)
    recover
}
