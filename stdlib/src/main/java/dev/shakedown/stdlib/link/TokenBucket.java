package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.ByteRate;

/**
 * The rate limit of one direction of one connection. The bucket holds at most 20 ms worth of bytes, so a
 * burst after a pause stays short, and data waits until half of that is there, so a slow link is fed in
 * writes of a useful size rather than byte by byte.
 */
final class TokenBucket {
    private static final long BURST_NANOS = 20_000_000;

    private final double bytesPerNano;
    private final double capacity;
    private final double quantum;
    private double tokens;
    private long refilledAt;

    TokenBucket(ByteRate rate, long now) {
        bytesPerNano = rate.bytesPerSecond() / 1e9;
        capacity = Math.max(1, bytesPerNano * BURST_NANOS);
        quantum = Math.max(1, capacity / 2);
        tokens = capacity;
        refilledAt = now;
    }

    /** How many of {@code wanted} bytes may be written now; 0 means wait until {@link #readyAt}. */
    long grant(long now, long wanted) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * bytesPerNano);
        refilledAt = now;
        return tokens < Math.min(wanted, quantum) ? 0 : Math.min(wanted, (long) tokens);
    }

    void spend(long bytes) {
        tokens -= bytes;
    }

    /** When {@link #grant} will allow a write of {@code wanted} bytes (or of a quantum, if that is less). */
    long readyAt(long now, long wanted) {
        double missing = Math.min(wanted, quantum) - tokens;
        return now + Math.max(1, (long) Math.ceil(missing / bytesPerNano));
    }
}
