// Take host memory away: a helper process (not the engine) allocates and touches that much memory. The
// demo's processes have fixed heaps, so the gateway must neither fail closed nor fail, only stay within
// its SLO while the memory is held, and be healthy once it is given back. `--param size=8gb` presses
// harder; the fault refuses to take the host past 90 % of its memory unless forced.
component 'memory-exhaustion'
include 'stdlib:demo'                   // demoExperiment, the scenario templates, holdFor (--param hold)

demoExperiment()                        // the demo, conditions healthy and failClosed, 50 requests/s, the seed's SLO
def size = param('size', 2.gb)

ridesOut 'memoryExhaustion', inject: memory(size: size)
