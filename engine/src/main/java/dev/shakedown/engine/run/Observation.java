package dev.shakedown.engine.run;

/**
 * One answer of a probe: asked at {@code startedNanos}, answered at {@code completedNanos} (timeline
 * stamps). {@code error} is set when the probe threw; the answer then counts as false.
 *
 * <p>Decisions and elapsed times use {@code completedNanos}, when the answer was known. Timing by the
 * question instead would credit a system with a switch it made only while answering (a gateway that
 * fails closed when its 500 ms database timeout expires would look as if it had switched at once). An
 * activation time is then late by at most one probe interval plus the latency of one quick answer.
 */
public record Observation(long startedNanos, long completedNanos, boolean value, String error) {}
