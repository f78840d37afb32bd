// a CPU fault on minus one cores | expect: 6:5: cpu, option cores: at least 1 (or 'all'), not -1
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject cpu(cores: -1, load: 80.percent)
    recover
}
