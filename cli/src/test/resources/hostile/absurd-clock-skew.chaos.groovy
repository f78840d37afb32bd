// a clock skew of 45 years | expect: 6:5: an offset of +400000h is absurd: clockSkew shifts a clock by at most
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject clockSkew('guardian', 400000.h)
    recover
}
