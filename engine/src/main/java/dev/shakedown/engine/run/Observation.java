package dev.shakedown.engine.run;

/**
 * One answer of a probe: asked at {@code startedNanos}, answered at {@code completedNanos} (timeline
 * stamps). {@code error} is set when the probe threw; the answer then counts as false.
 */
public record Observation(long startedNanos, long completedNanos, boolean value, String error) {}
