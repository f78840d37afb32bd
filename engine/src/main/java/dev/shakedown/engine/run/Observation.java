package dev.shakedown.engine.run;

/**
 * One answer of a probe: asked at {@code startedNanos}, answered at {@code completedNanos} (timeline
 * stamps). {@code error} is set when the probe threw; the answer then counts as false.
 *
 * <p>An observation describes the system as it was when the question was asked: the time the answer
 * took is the system's processing, not part of the change being timed. So decisions and elapsed times
 * use {@code startedNanos}; the error of an activation time is then at most one probe interval late
 * and at most one answer's latency early.
 */
public record Observation(long startedNanos, long completedNanos, boolean value, String error) {}
