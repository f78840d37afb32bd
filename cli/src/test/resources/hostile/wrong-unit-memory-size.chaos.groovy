// a memory size given as a duration | expect: 6:5: memory, option size: write a size such as 512.mb or 2.gb, not PT5S
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject memory(size: 5.s)
    recover
}
