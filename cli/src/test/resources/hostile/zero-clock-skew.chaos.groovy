// a clock skew of zero | expect: 6:5: a zero offset changes nothing; give clockSkew an offset such as +30.s
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject clockSkew('guardian', 0.s)
    recover
}
