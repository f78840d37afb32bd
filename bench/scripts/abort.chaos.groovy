// Abort latency: two faults in effect (a slow guardian link, a frozen gateway); the load's requests time
// out, the error rate passes 50 % and the abort rolls both back. bench/run reads rollback_duration_ms.
component 'abort-bench'

def sut = demoSystem()

condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
load http.get("${sut.gateway}/api/orders", timeout: 300.ms), rate: 50.perSecond
monitor every: 100.ms
abortWhen { errorRate > 50.percent }

scenario 'frozenGateway' {
    steadyState healthy
    inject latency(sut.links.guardian, 100.ms)
    inject stop('gateway')
    hold 2.min
}
