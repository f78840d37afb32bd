// Partition the gateway from the guardian: the gateway must fail closed within 1 s and be healthy again
// within 30 s of the heal. The partition is a blackhole on the link the gateway reaches the guardian
// through: open connections stall, new ones hang.
component 'network-partition'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

def sut = demoExperiment()              // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO

scenario 'guardianPartition' {
    slo { latency.p95 below 1.s }       // a partition makes every guardian call wait for its 500 ms timeout
    steadyState healthy
    inject partition(sut.links.guardian)
    expect failClosed within 1.s
    hold holdFor
    recover                             // heal: stalled connections resume, new ones go through
    expect healthy within 30.s
}
