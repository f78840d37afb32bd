// Stall the database: bytes stop on the link between the gateway and the database, so queries hang.
// The gateway must notice within its query timeout and fail closed with reason 'db-timeout', then
// recover once the link is healed.
component 'database-timeout'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

def sut = demoExperiment()              // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO
failClosedWith 'dbTimeout', sut, 'db-timeout'

// a request waits about 1 s for the stalled database, then fails closed: p95 1.5 s
failsClosed 'databaseStall', inject: timeout(sut.links.db), expect: dbTimeout, within: 2.s, p95: 1500.ms
