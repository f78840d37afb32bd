// The seed's resilience matrix: all eight scenarios in one run against the demo system, under 50 requests per
// second. Each checks the steady state, injects one real fault, expects the gateway to fail closed (where
// the fault touches what it must not serve without) or to stay up, holds, recovers, and expects it healthy
// again. Writes artifacts/matriz_chaos_resilience_validation.json with the seed's structure, every figure
// measured. Scenarios whose fault cannot run on this host (no root for the audit tmpfs, no libfaketime) are
// skipped with the reason and count as not validated. Shorter: --param hold=3s.
component 'matriz'

def sut = demoSystem(auditFs: 32.mb)
def holdFor = param('hold', 30.s)
def memorySize = param('memory', 2.gb)
def cpuLoad = param('cpu', 90.percent)

def failsClosedWith = { String reason -> http.get("${sut.gateway}/api/orders").header('X-Fail-Closed') == reason }
condition 'healthy',       { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed',    every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
condition 'auditFailed',   every: 10.ms, { failsClosedWith('audit-failed') }
condition 'staleDecision', every: 10.ms, { failsClosedWith('stale-decision') }
condition 'dnsFailed',     every: 10.ms, { failsClosedWith('dns-failure') }
condition 'dbTimeout',     every: 10.ms, { failsClosedWith('db-timeout') }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {                                   // the seed's targets
    errorRate    below 5.percent
    latency.p95  below 500.ms
    recovery     within 30.s
    failClosed   within 1.s
}

scenario 'guardianCrash' {
    steadyState healthy
    inject kill('guardian')
    expect failClosed within 1.s
    hold holdFor
    recover                             // the guardian is restarted
    expect healthy within 30.s
}

scenario 'networkPartition' {
    slo { latency.p95 below 1.s }       // every guardian call waits for its 500 ms timeout
    steadyState healthy
    inject partition(sut.links.guardian)
    expect failClosed within 1.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'memoryExhaustion' {           // the seed's "memory corruption": the host runs short of memory
    steadyState healthy
    inject memory(size: memorySize)
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'cpuExhaustion' {
    steadyState healthy
    inject cpu(cores: 'all', load: cpuLoad)
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'diskFull' {
    slo { failClosed within 2.s }       // audit.log's last page takes ~40 more records once the disk is full
    steadyState healthy
    inject disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true)
    expect auditFailed within 2.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'clockSkew' {
    slo { failClosed within 2.s }       // libfaketime sees a new offset within 1 s
    steadyState healthy
    inject clockSkew('guardian', 30.s)
    expect staleDecision within 2.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'dnsFailure' {
    steadyState healthy
    inject dnsFailure(sut.guardianHost, mode: 'nxdomain')
    expect dnsFailed within 1.s
    hold holdFor
    recover
    expect healthy within 30.s
}

scenario 'databaseTimeout' {
    slo {
        latency.p95  below 1500.ms      // a request waits about 1 s for the stalled database, then fails closed
        failClosed   within 2.s
    }
    steadyState healthy
    inject timeout(sut.links.db)
    expect dbTimeout within 2.s
    hold holdFor
    recover
    expect healthy within 30.s
}
