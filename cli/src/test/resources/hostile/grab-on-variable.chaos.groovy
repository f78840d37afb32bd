// @Grab on a local variable | expect: 2:1: @Grab is not supported: scripts do not download libraries; put the
@Grab('commons-io:commons-io:2.11.0')
def x = 1
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
