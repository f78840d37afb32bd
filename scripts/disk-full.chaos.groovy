// Fill the disk under the gateway's audit log: every audit write fails, so the gateway must fail closed
// with reason 'audit-failed' (it never serves a request it cannot audit), and serve again once the fill
// is deleted. The audit directory sits on the run's own 32 MB tmpfs, so the machine's disk is never
// touched; without root that tmpfs cannot be mounted and the scenario is skipped (dedicatedOnly).
// Fail-closed is not instant: audit.log's last 4 KiB page still takes appends after the filesystem is
// full, about 40 records, which the traffic below writes in roughly 0.4 s; hence 2 s, not 1 s.
component 'disk-full'

def sut = demoSystem(auditFs: 32.mb)
def holdFor = param('hold', 30.s)

condition 'healthy',     { http.get("${sut.gateway}/health").status == 200 }
condition 'auditFailed', every: 20.ms, { http.get("${sut.gateway}/api/orders").header('X-Fail-Closed') == 'audit-failed' }

load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond

slo {
    errorRate    below 5.percent
    latency.p95  below 500.ms
    recovery     within 30.s
    failClosed   within 2.s
}

scenario 'diskFull' {
    steadyState healthy
    inject disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true)
    expect auditFailed within 2.s
    hold holdFor
    recover
    expect healthy within 30.s
}
