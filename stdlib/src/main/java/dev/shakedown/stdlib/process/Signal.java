package dev.shakedown.stdlib.process;

/** The signals Shakedown sends, with their Linux x86_64 numbers. */
public enum Signal {
    /** Sends nothing; kill(2) still checks that the PID exists and may be signalled. */
    CHECK(0),
    KILL(9),
    TERM(15),
    CONT(18),
    STOP(19);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    @Override
    public String toString() {
        return this == CHECK ? "signal 0" : "SIG" + name();
    }
}
