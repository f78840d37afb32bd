// Burn the CPU of the whole host: the gateway has no CPU check, so it must neither fail closed nor fail,
// only slow down, and stay within its SLO (error rate, p95 latency) while the burners run, then be healthy
// once they are stopped. The burners run in helper processes (not in the engine). No expectation during
// chaos: the engine counts one as fail-closed, and the demo does not fail closed here; the SLO says
// whether it stayed within bounds.
component 'cpu-exhaustion'

def sut = demoSystem()
def holdFor = param('hold', 30.s)
def cpuLoad = param('load', 90.percent)

condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 500.ms
    recovery     within 30.s
}

scenario 'cpuExhaustion' {
    steadyState healthy
    inject cpu(cores: 'all', load: cpuLoad)
    hold holdFor
    recover
    expect healthy within 30.s
}
