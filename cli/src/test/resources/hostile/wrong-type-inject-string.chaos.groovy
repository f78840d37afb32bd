// inject given a string instead of a fault | expect: 6:5: inject needs a fault such as kill('guardian'), not 'kill guardian';
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject 'kill guardian'
    recover
}
