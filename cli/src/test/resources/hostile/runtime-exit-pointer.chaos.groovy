// a method pointer to Runtime.exit, called later | expect: 2:12: a script may not end the engine: Runtime.runtime.&exit would stop Shakedown
def stop = Runtime.runtime.&exit
stop(1)
scenario 'crash' {
    recover
}
