// a misspelt condition in expect | expect: 7:12: unknown condition 'failClose', did you mean 'failClosed'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    expect failClose within 1.s
    recover
}
