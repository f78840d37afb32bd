package dev.shakedown.engine.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param stateDir          where the ledger and per-run folders live ({@code .shakedown}); made absolute,
 *                          because the ledger records paths under it (offset files, hosts files) and a
 *                          rollback may run from another working directory
 * @param steadyStateGrace  how long a steady-state condition may take to be observed true before the
 *                          scenario counts as precondition-failed (the system may still be warming up)
 */
public record RunOptions(Path stateDir, Duration steadyStateGrace) {
    public RunOptions {
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    public static RunOptions defaults(Path stateDir) {
        return new RunOptions(stateDir, Duration.ofSeconds(5));
    }
}
