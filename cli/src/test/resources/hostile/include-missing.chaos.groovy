// include of a file that does not exist (include is not a DSL word) | expect: 2:1: unknown word 'include' (not a DSL word, a fault, a library word or a
include 'does-not-exist.chaos.groovy'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
