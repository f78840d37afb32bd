// a toxicity over 100 percent | expect: 6:5: toxicity is the share of connections affected, so it lies within
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject partition(sut.links.guardian, toxicity: 150.percent)
    recover
}
