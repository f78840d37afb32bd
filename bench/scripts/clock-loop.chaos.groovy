// Benchmark: skew the demo guardian's clock N times; each time the gateway must see stale decisions and
// then fresh ones again. bench/run compares each skew's step start with the first stale decision in the
// gateway's own event log: how long the guardian took to see its new time.
component 'clockLoop'

def sut = demoSystem()
def times = param('times', 20)
// libfaketime re-reads its offset when the second changes: a random pause between skews keeps the steps
// from falling into step with those re-reads, which would make every delay alike
def pauses = new Random(20261129)

condition 'staleDecision', every: 10.ms, { http.get("${sut.gateway}/api/orders").header('X-Fail-Closed') == 'stale-decision' }
condition 'healthy', every: 10.ms, { http.get("${sut.gateway}/health").status == 200 }

slo { failClosed within 2.s }           // libfaketime sees a new offset within 1 s, plus a probe

scenario 'clockLoop' {
    steadyState healthy
    times.times {
        inject clockSkew('guardian', 30.s)
        expect staleDecision within 3.s
        recover
        expect healthy within 3.s
        hold((1 + pauses.nextInt(1000)).ms)
    }
}
