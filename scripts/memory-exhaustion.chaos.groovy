// Take host memory away: a helper process (not the engine) allocates and touches that much memory. The
// demo's processes have fixed heaps, so the gateway must neither fail closed nor fail, only stay within
// its SLO while the memory is held, and be healthy once it is given back. `--param size=8gb` presses
// harder; the fault refuses to take the host past 90 % of its memory unless forced.
component 'memory-exhaustion'

def sut = demoSystem()
def holdFor = param('hold', 30.s)
def size = param('size', 2.gb)

condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 500.ms
    recovery     within 30.s
}

scenario 'memoryExhaustion' {
    steadyState healthy
    inject memory(size: size)
    hold holdFor
    recover
    expect healthy within 30.s
}
