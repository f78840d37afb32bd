// Break the name the gateway finds the guardian by: the gateway resolves guardian.demo.internal through the
// run's DNS server at every request, and must fail closed ('dns-failure') when the name does not resolve,
// resolves too slowly, or points somewhere wrong ('guardian-unreachable'), then serve again once the
// record is restored. Every failure shows on the next request (no cache: the records' TTL is 0).
component 'dns-failure'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

def sut = demoExperiment()              // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO
def guardianName = sut.guardianHost     // guardian.demo.internal, served by the run's DNS server

failsClosed 'dnsNxdomain',    inject: dnsFailure(guardianName, mode: 'nxdomain'),      expect: failClosed, within: 1.s
failsClosed 'dnsTimeout',     inject: dnsFailure(guardianName, mode: 'timeout'),       expect: failClosed, within: 1.s // unanswered
failsClosed 'dnsSlow',        inject: dnsFailure(guardianName, latency: 2.s),          expect: failClosed, within: 1.s // too late to use
failsClosed 'dnsWrongAnswer', inject: dnsFailure(guardianName, answer: '127.0.0.99'),  expect: failClosed, within: 1.s // nothing there
