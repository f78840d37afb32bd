// exit() through a static import of System.exit is the same call | expect: 3:1: a script may not end the engine: System.exit would stop Shakedown
import static java.lang.System.exit
exit(0)
scenario 'crash' {
    recover
}
