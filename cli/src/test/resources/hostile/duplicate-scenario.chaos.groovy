// two scenarios with the same name | expect: 9:1: scenario 'a' is declared twice
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
scenario 'a' {
    inject kill('guardian')
    recover
}
