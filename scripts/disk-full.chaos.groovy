// Fill the disk under the gateway's audit log: every audit write fails, so the gateway must fail closed
// with reason 'audit-failed' (it never serves a request it cannot audit), and serve again once the fill
// is deleted. The audit directory sits on the run's own 32 MB tmpfs, so the machine's disk is never
// touched; without root that tmpfs cannot be mounted and the scenario is skipped (dedicatedOnly).
// Fail-closed is not instant: audit.log's last 4 KiB page still takes appends after the filesystem is
// full, about 40 records, which the traffic below writes in roughly 0.4 s; hence 2 s, not 1 s.
component 'disk-full'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

def sut = demoExperiment(auditFs: 32.mb) // the demo, its audit directory on a tmpfs; conditions, load, the seed's SLO
failClosedWith 'auditFailed', sut, 'audit-failed'

failsClosed 'diskFull', inject: disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true), expect: auditFailed, within: 2.s
