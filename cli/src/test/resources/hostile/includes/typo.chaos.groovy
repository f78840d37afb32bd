// a library with a misspelt fault, for ../include-error-inside.chaos.groovy
def crash(String target) {
    scenario("crash $target") {
        inject kil(target)
        recover
    }
}
