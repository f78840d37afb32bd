package dev.shakedown.stdlib.fault;

import dev.shakedown.stdlib.process.Signal;

/** {@code terminate('guardian')}: SIGTERM, the polite shutdown a process may handle (or ignore). */
public final class TerminateInjector extends TerminatingSignalInjector {
    public TerminateInjector() {
        super("terminate", Signal.TERM, "SIGTERM a process; recover restarts it once it has exited, if the run launched it");
    }
}
