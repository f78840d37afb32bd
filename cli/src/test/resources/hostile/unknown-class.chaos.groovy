// an instance of a class that does not exist | expect: 2:9: unable to resolve class com.example.Nope
def x = new com.example.Nope()
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
