// Runtime.halt in a condition would end the engine mid-run, skipping rollback and evidence | expect: 3:19: a script may not end the engine: Runtime.getRuntime().halt would stop Shakedown
def sut = demoSystem()
condition 'up', { Runtime.getRuntime().halt(9); true }
scenario 'crash' {
    steadyState up
    inject kill('guardian')
    recover
}
