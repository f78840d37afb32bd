// a negative hold written without parentheses | expect: 7:5: 'hold' is a word, but here it is read as a value (a minus or a
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    hold -5.s
    recover
}
