// a condition probed at a negative interval | expect: 3:1: condition needs a duration for every: above zero, not -10ms
def sut = demoSystem()
condition 'healthy', every: -10.ms, { true }
scenario 'a' {
    steadyState healthy
    inject kill('guardian')
    recover
}
