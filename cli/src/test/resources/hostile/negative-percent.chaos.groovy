// a negative toxicity | expect: 6:5: a percentage cannot be negative (-30%)
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject partition(sut.links.guardian, toxicity: -30.percent)
    recover
}
