// a small library for the corpus: a scenario template
def crash(String target) {
    scenario("crash $target") {
        steadyState 'healthy'
        inject kill(target)
        recover
    }
}
