package dev.shakedown.engine.plan;

import java.time.Duration;

/**
 * Service-level objectives the validator judges a scenario by. Defaults are the seed's targets:
 * 5 % errors, p95 latency 500 ms, recovery within 30 s, fail-closed within 1 s.
 */
public record SloSpec(double maxErrorRate, Duration maxLatencyP95, Duration recoveryWithin, Duration failClosedWithin) {
    public static final SloSpec SEED_DEFAULTS =
            new SloSpec(0.05, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(1));

    public SloSpec withMaxErrorRate(double v) { return new SloSpec(v, maxLatencyP95, recoveryWithin, failClosedWithin); }
    public SloSpec withMaxLatencyP95(Duration v) { return new SloSpec(maxErrorRate, v, recoveryWithin, failClosedWithin); }
    public SloSpec withRecoveryWithin(Duration v) { return new SloSpec(maxErrorRate, maxLatencyP95, v, failClosedWithin); }
    public SloSpec withFailClosedWithin(Duration v) { return new SloSpec(maxErrorRate, maxLatencyP95, recoveryWithin, v); }
}
