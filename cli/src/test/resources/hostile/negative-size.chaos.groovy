// a negative memory size | expect: 6:5: a size cannot be negative (-2 GB)
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject memory(size: -2.gb)
    recover
}
