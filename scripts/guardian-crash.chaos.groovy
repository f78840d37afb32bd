// Kill the guardian: the gateway must fail closed within 1 s and recover within 30 s of the restart.
component 'guardian'                       // names the evidence file

def sut = demoSystem(failOpen: param('failOpen', false))   // starts the bundled demo system for this run
def holdFor = param('hold', 30.s)

condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
condition 'healthy',                  { http.get("${sut.gateway}/health").status == 200 }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond   // background traffic: latency, errors, throughput

slo {
    errorRate    below 5.percent
    latency.p95  below 500.ms
    recovery     within 30.s
    failClosed   within 1.s
}

scenario 'guardianCrash' {
    steadyState healthy                    // must hold before any fault is injected
    inject kill('guardian')
    expect failClosed within 1.s           // timeline assertion anchored at the last injection
    hold holdFor
    recover                                // roll back every active fault (restart what was killed)
    expect healthy within 30.s             // measures time to recovery
}

schedule 'guardianCrash', cron: '0 0 3 * * ?'
