// Benchmark: the engine holding a fault-free scenario with N conditions at 100 Hz and background load at
// a constant rate, against an HTTP target (dev.shakedown.bench.HttpTargetMain) that the run launches and
// owns, so the monitor also samples its CPU and RSS. A first scenario warms the JVM up; LoadBench
// measures the second ('hold').
component 'hold'

def java = param('java', 'java')
def classpath = param('classpath', '')
def port = param('port', 18080)
def rate = param('rate', 50)
def conditions = param('conditions', 3)
def holdFor = param('hold', 10.s)
def target = "http://127.0.0.1:${port}"

process 'target', command: [java, '-Xmx128m', '-cp', classpath, 'dev.shakedown.bench.HttpTargetMain', port], port: port

monitor every: 500.ms
if (rate > 0) load http.get("${target}/load"), rate: rate.perSecond
def names = conditions > 0 ? (1..conditions).collect { i -> "up$i" } : []
names.each { name -> condition name, every: 10.ms, { http.get("${target}/${name}").status == 200 } }

['warmUp', 'hold'].each { phase ->
    scenario(phase) {
        names.each { name -> expect(name).within(1.s) }
        hold(phase == 'warmUp' ? 3.s : holdFor)
    }
}
