// stdlib:demo: what experiments against the bundled demo system share, for scripts to include:
//
//     include 'stdlib:demo'
//     def sut = demoExperiment(auditFs: 32.mb)       // the demo, its conditions, its load, the seed's objectives
//     failsClosed 'guardianCrash', inject: kill('guardian'), expect: failClosed, within: 1.s
//
// The including script reads `holdFor` (set without def, so it is shared): how long a scenario keeps its
// fault, from --param hold (30 s by default).

holdFor = param('hold', 30.s)

/**
 * Starts the bundled demo system (demoSystem's options: failOpen:, auditFs:, delay:, errorEvery:) and declares
 * what every experiment against it shares: the conditions 'healthy' (GET /health answers 200) and 'failClosed'
 * (GET /api/orders is refused with 503), background traffic of 50 GET /api/orders per second, and the seed's
 * objectives. Returns the system: sut.gateway, sut.links, sut.auditDir, sut.guardianHost...
 */
def demoExperiment(Map options = [:]) {
    def sut = demoSystem(options)
    condition 'healthy',                  { http.get("${sut.gateway}/health").status == 200 }
    condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
    load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond
    slo {
        errorRate    below 5.percent
        latency.p95  below 500.ms
        recovery     within 30.s
        failClosed   within 1.s
    }
    sut
}

/** A condition: the gateway refuses GET /api/orders with this reason in its X-Fail-Closed header ('db-timeout', ...). */
def failClosedWith(String name, sut, String reason) {
    condition name, every: 10.ms, { http.get("${sut.gateway}/api/orders").header('X-Fail-Closed') == reason }
}

/**
 * The seed's scenario for a fault the gateway must fail closed on: the steady state 'healthy' holds, the fault
 * (inject:), the condition (expect:) within the deadline (within:, which is also the scenario's fail-closed
 * objective), the fault held for holdFor, recovered, healthy again within 30 s. p95: gives the scenario a
 * latency objective of its own, for faults that make requests wait.
 */
def failsClosed(Map step, String name) {
    scenario(name) {
        slo {
            failClosed within step.within
            if (step.p95) latency.p95 below step.p95
        }
        steadyState 'healthy'
        inject step.inject
        expect step.expect within step.within
        hold holdFor
        recover
        expect 'healthy' within 30.s
    }
}

/**
 * The seed's scenario for a fault the gateway must ride out, neither failing closed nor failing: the steady
 * state 'healthy' holds, the fault (inject:), held for holdFor, recovered, healthy again within 30 s. The
 * objectives judge how it did meanwhile.
 */
def ridesOut(Map step, String name) {
    scenario(name) {
        steadyState 'healthy'
        inject step.inject
        hold holdFor
        recover
        expect 'healthy' within 30.s
    }
}
