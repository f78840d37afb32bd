// a misspelt variable | expect: 8:10: unknown name 'holdFr' (not a variable, a condition or a word)
def holdFor = 3.s
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    hold holdFr
    recover
}
