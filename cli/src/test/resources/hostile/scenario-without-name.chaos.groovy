// a scenario without a name | expect: 5:1: scenario cannot take (Closure); write it as: scenario 'crash' {
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario {
    inject kill('guardian')
    recover
}
