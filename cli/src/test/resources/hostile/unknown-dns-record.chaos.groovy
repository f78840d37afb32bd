// a DNS failure of a name without a record | expect: 6:5: no dns record 'guardian.demo.internl', did you mean
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject dnsFailure('guardian.demo.internl', mode: 'nxdomain')
    recover
}
