// a step at the top level | expect: 5:1: inject is only allowed inside a scenario
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
inject kill('guardian')
scenario 'a' {
    recover
}
