package dev.shakedown.schedule;

import dev.shakedown.engine.evidence.Evidence;
import java.util.Optional;

/**
 * Runs a firing's experiment the way {@code shakedown run} does: the script compiled as it is now, one
 * experiment at a time on the host, the ledger replayed first. Provided by the command line.
 */
public interface Firings {
    /** The evidence of the run; empty when the script no longer compiles (the errors are already reported). */
    Optional<Evidence> run(Firing firing) throws InterruptedException;

    /** Ends the running experiment early (SIGTERM): it rolls back every fault and writes its evidence. */
    void interruptRunning(String reason);
}
