// include of itself (include is not a DSL word, so no cycle can form) | expect: 2:1: unknown word 'include' (not a DSL word, a fault, a library word or a
include 'include-cycle.chaos.groovy'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
