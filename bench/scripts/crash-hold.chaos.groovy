// Benchmark: a CPU burner and a memory hog, the two helper processes, in effect during a long hold, for
// dev.shakedown.bench.CrashBench to SIGKILL the engine under them.
component 'crash-hold'

scenario 'helpers' {
    inject cpu(cores: 1, load: 20.percent)
    inject memory(size: 64.mb)
    hold 10.min
    recover
}
