// System.exit while the plan is built would end the engine before any rollback | expect: 3:1: a script may not end the engine: System.exit would stop Shakedown before it rolls back its faults
def sut = demoSystem()
System.exit(3)
scenario 'crash' {
    inject kill('guardian')
    recover
}
