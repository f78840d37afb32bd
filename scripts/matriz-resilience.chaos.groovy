// The seed's resilience matrix: all eight scenarios in one run against the demo system, under 50 requests per
// second. Each checks the steady state, injects one real fault, expects the gateway to fail closed (where
// the fault touches what it must not serve without) or to stay up, holds, recovers, and expects it healthy
// again. Writes artifacts/matriz_chaos_resilience_validation.json with the seed's structure, every figure
// measured. Scenarios whose fault cannot run on this host (no root for the audit tmpfs, no libfaketime) are
// skipped with the reason and count as not validated. Shorter: --param hold=3s.
//
// The scenarios are the templates of stdlib:demo, the same the single-scenario scripts use: failsClosed
// (steady state, inject, expect within the deadline, hold, recover, healthy within 30 s) and ridesOut (the
// same without the expectation during chaos).
component 'matriz'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

def sut = demoExperiment(auditFs: 32.mb) // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO
def memorySize = param('memory', 2.gb)
def cpuLoad = param('cpu', 90.percent)

failClosedWith 'auditFailed',   sut, 'audit-failed'
failClosedWith 'staleDecision', sut, 'stale-decision'
failClosedWith 'dnsFailed',     sut, 'dns-failure'
failClosedWith 'dbTimeout',     sut, 'db-timeout'

failsClosed 'guardianCrash',    inject: kill('guardian'),                 expect: failClosed,    within: 1.s
failsClosed 'networkPartition', inject: partition(sut.links.guardian),    expect: failClosed,    within: 1.s,
            p95: 1.s                                                      // every guardian call waits for its 500 ms timeout
ridesOut    'memoryExhaustion', inject: memory(size: memorySize)          // the seed's "memory corruption": the host runs short
ridesOut    'cpuExhaustion',    inject: cpu(cores: 'all', load: cpuLoad)
failsClosed 'diskFull',         inject: disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true),
            expect: auditFailed, within: 2.s                              // audit.log's last page takes ~40 more records
failsClosed 'clockSkew',        inject: clockSkew('guardian', 30.s),      expect: staleDecision, within: 2.s // libfaketime: within 1 s
failsClosed 'dnsFailure',       inject: dnsFailure(sut.guardianHost, mode: 'nxdomain'), expect: dnsFailed, within: 1.s
failsClosed 'databaseTimeout',  inject: timeout(sut.links.db),            expect: dbTimeout,     within: 2.s,
            p95: 1500.ms                                                  // a request waits ~1 s for the stalled database
