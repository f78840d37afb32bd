package dev.shakedown.stdlib.fault;

import dev.shakedown.stdlib.process.Signal;

/** {@code kill('guardian')}: SIGKILL, the crash a process cannot catch. */
public final class KillInjector extends TerminatingSignalInjector {
    public KillInjector() {
        super("kill", Signal.KILL, "SIGKILL a process; recover restarts it if the run launched it");
    }
}
