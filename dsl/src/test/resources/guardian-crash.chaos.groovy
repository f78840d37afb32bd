// scripts/guardian-crash.chaos.groovy
component 'guardian'                       // names the evidence file

def sut = demoSystem()                     // stdlib: starts the bundled demo system for this run
// or: process 'guardian', command: ['java', '-jar', 'guardian.jar'], port: 7001
//     process 'billing', match: 'BillingMain'      (attach to a running process by command line)
//     link 'db', listen: 15432, upstream: '127.0.0.1:5432'   (fault proxy in front of a dependency)

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
    hold 30.s
    recover                                // roll back every active fault (restart what was killed)
    expect healthy within 30.s             // measures time to recovery
}

schedule 'guardianCrash', cron: '0 0 3 * * ?'
