// a fault on a process that is not declared | expect: 6:5: no process 'guardain', did you mean 'guardian'?
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardain')
    recover
}
