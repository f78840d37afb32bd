// a file including itself | expect: 2:9: include cycle: src/test/resources/hostile/include-itself.chaos.groovy includes itself
include 'include-itself.chaos.groovy'
def sut = demoSystem()
scenario 'a' {
    inject kill('guardian')
    recover
}
