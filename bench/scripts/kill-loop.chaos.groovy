// Benchmark: kill the demo guardian N times; each time the gateway must fail closed and recover.
// Evidence per injection: step start -> SIGKILL delivered, and the measured fail-closed activation,
// which bench/run compares with the gateway's own event log.
component 'killLoop'

def sut = demoSystem()
def times = param('times', 20)

condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
condition 'healthy', every: 10.ms, { http.get("${sut.gateway}/health").status == 200 }

scenario 'killLoop' {
    steadyState healthy
    times.times {
        inject kill('guardian')
        expect failClosed within 1.s
        recover
        expect healthy within 30.s
    }
}
