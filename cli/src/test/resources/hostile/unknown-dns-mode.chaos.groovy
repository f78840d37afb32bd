// a DNS failure mode that does not exist | expect: 6:5: unknown mode 'explode' for dnsFailure (known: nxdomain, servfail,
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject dnsFailure(sut.guardianHost, mode: 'explode')
    recover
}
