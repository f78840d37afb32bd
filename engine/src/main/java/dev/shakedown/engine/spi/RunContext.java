package dev.shakedown.engine.spi;

import dev.shakedown.engine.plan.ExperimentPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What injectors and resources may know about the run they are part of. */
public interface RunContext {
    String runId();

    /**
     * The plan this run executes, so a resource can prepare for the faults aimed at it (a process that a
     * script skews the clock of is launched with the means to skew it).
     */
    ExperimentPlan plan();

    /** A folder for this run's logs (launched processes' stdout/stderr). */
    Path runDirectory();

    /** A started resource by name. */
    Optional<Resource> resource(String name);

    default <T extends Resource> Optional<T> resource(String name, Class<T> type) {
        return resource(name).filter(type::isInstance).map(type::cast);
    }

    /**
     * Writes an undo record to the run's ledger, forced to disk, and returns its number. Resources use it
     * for what they start later in the run (a process restarted after a kill).
     */
    long ledgerOpen(String what, UndoRecord undo);

    /** Marks a ledger record undone. */
    void ledgerUndone(long seq);

    /**
     * True once the run was told to stop early (SIGINT, SIGTERM, an abort condition, the JVM exiting): it stops
     * every process it launched right after the rollback, so restoring one of them first would be undone at
     * once, and whoever sent the signal is waiting for the exit.
     */
    default boolean isInterrupted() {
        return false;
    }

    /** Records something that happened (a restart, a readiness wait) on the run's timeline. */
    void event(String kind, Map<String, Object> data);

    /** Refuses processes the engine must never signal: PID 1, itself, its parent. */
    default void checkSignalAllowed(long pid) {
        ProcessHandle self = ProcessHandle.current();
        if (pid <= 1) throw new IllegalStateException("refusing to signal PID " + pid + " (init)");
        if (pid == self.pid()) throw new IllegalStateException("refusing to signal the engine itself (PID " + pid + ")");
        if (self.parent().map(p -> p.pid() == pid).orElse(false))
            throw new IllegalStateException("refusing to signal the engine's parent (PID " + pid + ")");
    }
}
