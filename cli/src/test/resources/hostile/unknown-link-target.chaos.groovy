// a link fault on a link that is not declared | expect: 6:5: no link 'dbb'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject partition('dbb')
    recover
}
