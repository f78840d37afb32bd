// include of a file that does not exist | expect: 2:9: cannot include 'does-not-exist.chaos.groovy': there is no file src/test/resources/hostile/does-not-exist.chaos.groovy
include 'does-not-exist.chaos.groovy'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
