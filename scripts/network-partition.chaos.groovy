// Partition the gateway from the guardian: the gateway must fail closed within 1 s and be healthy again
// within 30 s of the heal. The partition is a blackhole on the link the gateway reaches the guardian
// through: open connections stall, new ones hang.
component 'network-partition'

def sut = demoSystem()
def holdFor = param('hold', 30.s)

condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
condition 'healthy',                  { http.get("${sut.gateway}/health").status == 200 }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 1.s           // a partition makes every guardian call wait for its 500 ms timeout
    recovery     within 30.s
    failClosed   within 1.s
}

scenario 'guardianPartition' {
    steadyState healthy
    inject partition(sut.links.guardian)
    expect failClosed within 1.s
    hold holdFor
    recover                          // heal: stalled connections resume, new ones go through
    expect healthy within 30.s
}
