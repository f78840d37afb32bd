package dev.shakedown.engine.spi;

import dev.shakedown.engine.run.MonitorSample;

/**
 * The question of an abort condition. Unlike a {@link Probe} it may read the live metrics of the run:
 * {@code latest} is the most recent monitoring window that ended after the scenario's first
 * injection, or null before the first such window. An exception counts as "no" (a question that cannot be answered does not abort)
 * and is recorded with the observation.
 */
@FunctionalInterface
public interface AbortProbe {
    boolean test(MonitorSample latest) throws Exception;

    /** A plain condition's probe as an abort question ({@code abortWhen { !healthy }}). */
    static AbortProbe of(Probe probe) {
        return latest -> probe.test();
    }
}
