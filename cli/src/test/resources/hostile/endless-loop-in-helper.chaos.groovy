// an endless loop inside a helper method the script calls | expect: 4:12: the script did not finish building its plan within
def spin() {
    int i = 0
    while (i >= 0) { i = (i + 1) % 10 }
}
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
spin()
