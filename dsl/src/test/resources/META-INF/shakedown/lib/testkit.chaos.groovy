// A library on the test classpath: a shared variable and a scenario template.
holdFor = param('hold', 30.s)

def crash(String target) {
    scenario("crash $target") {
        steadyState 'healthy'
        inject kill(target)
        hold holdFor
        recover
    }
}
