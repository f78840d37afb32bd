// a misspelt condition in steadyState | expect: 6:17: unknown condition 'helthy', did you mean 'healthy'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    steadyState helthy
    inject kill('guardian')
    recover
}
