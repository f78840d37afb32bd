// Skew the guardian's clock: its decisions carry the time it made them, and the gateway must reject a
// decision more than 2 s off its own clock as stale (fail closed with 'stale-decision'), then serve again
// once the clock is back. Only the guardian's clock moves (libfaketime, preloaded when the run launches it;
// monotonic clocks untouched); the machine's clock never does. Without libfaketime the scenarios are
// skipped with the install hint. libfaketime re-reads its offset up to once a second, so the deadline
// for failing closed is 2 s, not 1 s.
component 'clock-skew'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

def sut = demoExperiment()              // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO
def offset = param('offset', 30.s)
failClosedWith 'staleDecision', sut, 'stale-decision'

failsClosed 'clockAhead',  inject: clockSkew('guardian', offset),  expect: staleDecision, within: 2.s
failsClosed 'clockBehind', inject: clockSkew('guardian', -offset), expect: staleDecision, within: 2.s
