// Stall the database: bytes stop on the link between the gateway and the database, so queries hang.
// The gateway must notice within its query timeout and fail closed with reason 'db-timeout', then
// recover once the link is healed.
component 'database-timeout'

def sut = demoSystem()
def holdFor = param('hold', 30.s)

condition 'healthy',   { http.get("${sut.gateway}/health").status == 200 }
condition 'dbTimeout', every: 20.ms, { http.get("${sut.gateway}/api/orders").header('X-Fail-Closed') == 'db-timeout' }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 1500.ms       // a request waits about 1 s for the stalled database, then fails closed
    recovery     within 30.s
    failClosed   within 2.s
}

scenario 'databaseStall' {
    steadyState healthy
    inject timeout(sut.links.db)
    expect dbTimeout within 2.s
    hold holdFor
    recover
    expect healthy within 30.s
}
