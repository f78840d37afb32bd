// a fault given no argument | expect: 6:5: kill needs the name of a process: kill('guardian')
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill()
    recover
}
