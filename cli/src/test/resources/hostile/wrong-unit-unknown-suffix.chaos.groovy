// a unit that does not exist | expect: 7:12: Integer has no property 'parsecs'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    hold 5.parsecs
    recover
}
