// a bandwidth that is not a rate | expect: 6:5: bandwidth: 'fast' is not a rate; write bytes per second as a number,
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject bandwidth(sut.links.guardian, 'fast')
    recover
}
