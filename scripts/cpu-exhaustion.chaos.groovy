// Burn the CPU of the whole host: the gateway has no CPU check, so it must neither fail closed nor fail,
// only slow down, and stay within its SLO (error rate, p95 latency) while the burners run, then be healthy
// once they are stopped. The burners run in helper processes (not in the engine). No expectation during
// chaos: the engine counts one as fail-closed, and the demo does not fail closed here; the SLO says
// whether it stayed within bounds.
component 'cpu-exhaustion'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

demoExperiment()                        // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO
def cpuLoad = param('load', 90.percent)

ridesOut 'cpuExhaustion', inject: cpu(cores: 'all', load: cpuLoad)
