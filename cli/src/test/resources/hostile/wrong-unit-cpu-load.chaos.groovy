// a CPU load given as a duration | expect: 6:5: cpu, option load: write a share such as 80.percent, not PT2S
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject cpu(cores: 1, load: 2.s)
    recover
}
