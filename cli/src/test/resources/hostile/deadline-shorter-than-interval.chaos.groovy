// a deadline shorter than the condition's interval | expect: 6:5: condition 'slow' is checked every 1s, so a deadline of 10ms cannot be
def sut = demoSystem()
condition 'slow', every: 1.s, { true }
scenario 'a' {
    inject kill('guardian')
    expect slow within 10.ms
    recover
}
