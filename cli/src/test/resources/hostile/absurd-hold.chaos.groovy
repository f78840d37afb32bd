// a hold of more than eleven years | expect: 7:5: a hold of 6000000min is absurd: a hold may last at most a day
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    hold 100000.h
    recover
}
