// a monitoring window given as a percentage | expect: 2:1: monitor needs a duration for every:, not 5%; write it as: monitor
monitor every: 5.percent
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
