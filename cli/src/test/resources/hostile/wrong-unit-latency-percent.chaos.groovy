// a latency given as a percentage | expect: 6:5: the delay: '5%' has an unknown unit '%' (use ms, s, min or h)
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject latency(sut.links.guardian, 5.percent)
    recover
}
