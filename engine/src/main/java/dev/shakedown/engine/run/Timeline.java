package dev.shakedown.engine.run;

import java.time.Instant;

/**
 * One monotonic clock for a whole run. Every fault, step and observation is stamped in nanoseconds
 * since the run began; {@link #startedAt()} ties that to wall-clock time for the evidence, so a reader
 * can compare the evidence with another process's log.
 */
public final class Timeline {
    private final long originNanos;
    private final Instant startedAt;

    public Timeline() {
        // Read the two clocks back to back so the wall-clock anchor is as close as it can be.
        this.startedAt = Instant.now();
        this.originNanos = System.nanoTime();
    }

    /** Nanoseconds since the run began. */
    public long now() {
        return System.nanoTime() - originNanos;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The wall-clock instant of a timeline stamp. */
    public Instant instantOf(long nanos) {
        return startedAt.plusNanos(nanos);
    }

    public static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
