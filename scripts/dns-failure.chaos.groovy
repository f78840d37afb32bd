// Break the name the gateway finds the guardian by: the gateway resolves guardian.demo.internal through the
// run's DNS server at every request, and must fail closed ('dns-failure') when the name does not resolve,
// resolves too slowly, or points somewhere wrong ('guardian-unreachable'), then serve again once the
// record is restored. Every failure shows on the next request (no cache: the records' TTL is 0).
component 'dns-failure'

def sut = demoSystem()
def holdFor = param('hold', 30.s)
def guardianName = sut.guardianHost        // guardian.demo.internal, served by the run's DNS server

condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
condition 'healthy',                  { http.get("${sut.gateway}/health").status == 200 }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 500.ms          // a lookup gives up after 250 ms
    recovery     within 30.s
    failClosed   within 1.s
}

scenario 'dnsNxdomain' {
    steadyState healthy
    inject dnsFailure(guardianName, mode: 'nxdomain')
    expect failClosed within 1.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'dnsTimeout' {
    steadyState healthy
    inject dnsFailure(guardianName, mode: 'timeout')     // queries go unanswered
    expect failClosed within 1.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'dnsSlow' {
    steadyState healthy
    inject dnsFailure(guardianName, latency: 2.s)        // answers, but too late to be used
    expect failClosed within 1.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'dnsWrongAnswer' {
    steadyState healthy
    inject dnsFailure(guardianName, answer: '127.0.0.99') // nothing listens there
    expect failClosed within 1.s
    hold holdFor
    recover
    expect healthy within 30.s
}
