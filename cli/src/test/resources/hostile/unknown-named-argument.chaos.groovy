// a named argument a fault does not take | expect: 6:5: kill takes no named options, only the name of a process
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian', signal: 9)
    recover
}
