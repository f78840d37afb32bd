package dev.shakedown.engine.spi;

import java.util.Optional;

/**
 * The run in progress, for script objects built before it began ({@code processes.guardian.pid} is
 * read while the run runs). A process-wide slot is enough: one experiment runs at a time per host.
 */
public final class CurrentRun {
    private static volatile RunContext current;

    private CurrentRun() {}

    public static Optional<RunContext> get() {
        return Optional.ofNullable(current);
    }

    public static RunContext require(String what) {
        RunContext c = current;
        if (c == null) throw new IllegalStateException(what + " is known only while the experiment runs");
        return c;
    }

    public static void set(RunContext context) {
        current = context;
    }

    public static void clear(RunContext context) {
        if (current == context) current = null;
    }
}
