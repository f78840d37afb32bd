// a file including a file that includes it back | expect: includes/cycle-back.chaos.groovy:2:9: include cycle: src/test/resources/hostile/include-cycle.chaos.groovy includes src/test/resources/hostile/includes/cycle-back.chaos.groovy includes src/test/resources/hostile/include-cycle.chaos.groovy (included from src/test/resources/hostile/include-cycle.chaos.groovy:2)
include 'includes/cycle-back.chaos.groovy'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
