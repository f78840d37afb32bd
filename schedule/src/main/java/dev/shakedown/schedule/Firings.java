package dev.shakedown.schedule;

import dev.shakedown.engine.evidence.Evidence;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs a firing's experiment the way {@code shakedown run} does: the script compiled as it is now, one
 * experiment at a time on the host, the ledger replayed first. Provided by the command line.
 */
public interface Firings {
    /**
     * Runs the firing and records its evidence in the history; returns that evidence, or empty when the
     * firing could not run (the script no longer compiles: the errors are already reported).
     */
    Optional<Evidence> run(Firing firing, FiringHistory history) throws IOException;

    /** Ends the running experiment early (SIGTERM): it rolls back every fault and writes its evidence. */
    void interruptRunning(String reason);
}
