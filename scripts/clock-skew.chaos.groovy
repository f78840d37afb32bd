// Skew the guardian's clock: its decisions carry the time it made them, and the gateway must reject a
// decision more than 2 s off its own clock as stale (fail closed with 'stale-decision'), then serve again
// once the clock is back. Only the guardian's clock moves (libfaketime, preloaded when the run launches it;
// monotonic clocks untouched); the machine's clock never does. Without libfaketime the scenarios are
// skipped with the install hint. libfaketime re-reads its offset up to once a second, so the deadline
// for failing closed is 2 s, not 1 s.
component 'clock-skew'

def sut = demoSystem()
def holdFor = param('hold', 30.s)
def offset = param('offset', 30.s)

condition 'healthy',       { http.get("${sut.gateway}/health").status == 200 }
condition 'staleDecision', every: 10.ms, { http.get("${sut.gateway}/api/orders").header('X-Fail-Closed') == 'stale-decision' }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 500.ms
    recovery     within 30.s
    failClosed   within 2.s
}

scenario 'clockAhead' {
    steadyState healthy
    inject clockSkew('guardian', offset)
    expect staleDecision within 2.s
    hold holdFor
    recover                              // the offset goes back to +0
    expect healthy within 30.s
}

scenario 'clockBehind' {
    steadyState healthy
    inject clockSkew('guardian', -offset)
    expect staleDecision within 2.s
    hold holdFor
    recover
    expect healthy within 30.s
}
