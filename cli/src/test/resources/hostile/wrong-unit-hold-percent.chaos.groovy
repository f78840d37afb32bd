// hold given a percentage | expect: 7:5: hold needs a duration, not 5%; write it as: hold 30.s
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    hold 5.percent
    recover
}
