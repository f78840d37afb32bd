package dev.shakedown.engine.plan;

import dev.shakedown.engine.spi.Probe;
import java.time.Duration;

/** A named yes/no question about the system, asked by the engine every {@code every}. */
public record ConditionSpec(String name, Duration every, Probe probe, SourceRef source) {
    public static final Duration DEFAULT_EVERY = Duration.ofMillis(50);
}
