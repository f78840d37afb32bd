// The resilience suite every night: the eight scenarios of matriz-resilience.chaos.groovy (one real fault each
// against the demo system under 50 requests per second), run by `shakedown schedule scripts/nightly.chaos.groovy`
// at 03:00 Berlin time, never on a weekend, each night at a random moment of the ten minutes after 03:00.
// Here the scenarios come from one table: a fault, what the gateway must show while it acts (fail closed with
// which reason, or nothing but recovery), and the scenario's own objectives. Each night's evidence goes to
// artifacts/history/nightly/, one line per night to artifacts/history/index.jsonl.
component 'nightly'

def sut = demoSystem(auditFs: 32.mb)
def holdFor = param('hold', 30.s)

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

// shows: the condition the gateway must reach within `within` (default 1 s) of the injection; p95: the
// scenario's latency objective where the fault itself makes requests wait (default the suite's 500 ms).
def suite = [
    guardianCrash:    [fault: kill('guardian'),                           shows: failClosed],
    networkPartition: [fault: partition(sut.links.guardian),              shows: failClosed, p95: 1.s],  // 500 ms guardian timeout
    memoryExhaustion: [fault: memory(size: 2.gb)],
    cpuExhaustion:    [fault: cpu(cores: 'all', load: 90.percent)],
    diskFull:         [fault: disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true), shows: auditFailed, within: 2.s],
    clockSkew:        [fault: clockSkew('guardian', 30.s),                shows: staleDecision, within: 2.s],
    dnsFailure:       [fault: dnsFailure(sut.guardianHost, mode: 'nxdomain'), shows: dnsFailed],
    databaseTimeout:  [fault: timeout(sut.links.db),                      shows: dbTimeout, within: 2.s, p95: 1500.ms],
]

suite.each { name, s ->
    def p95 = s.p95 ?: 500.ms
    def within = s.within ?: 1.s
    scenario(name) {
        slo {
            latency.p95  below p95
            failClosed   within within
        }
        steadyState healthy
        inject s.fault
        if (s.shows != null) expect s.shows within within      // != null: a condition's own truth is its probe
        hold holdFor
        recover
        expect healthy within 30.s
    }
}

schedule 'all', cron: '0 0 3 * * ?', timezone: 'Europe/Berlin', blackout: ['Sat-Sun'], jitter: 10.min
