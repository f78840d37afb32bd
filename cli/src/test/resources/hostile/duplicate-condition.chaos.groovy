// two conditions with the same name | expect: 5:1: condition 'healthy' is declared twice (first at
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
condition 'healthy', { true }
scenario 'a' {
    inject kill('guardian')
    recover
}
