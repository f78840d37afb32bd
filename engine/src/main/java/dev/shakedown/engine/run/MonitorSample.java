package dev.shakedown.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One monitoring window, ending at {@code atNanos}. Load figures are null when the experiment has no
 * load or no request completed in the window (nothing was measured, so nothing is claimed).
 *
 * @param latencyP50Ms latency percentiles of requests completed in the window, measured from when
 *                     each request was due
 * @param errorRate    errors / completed requests in the window (0..1)
 * @param throughput   completed requests per second
 * @param failClosedShare deliberate fail-closed answers / completed requests
 * @param failClosedReasons those answers by their reason ({@code X-Fail-Closed}, or the script's
 *                          {@code failClosedWhen:}); null without load
 * @param processes    CPU and RSS of every process the script owns, by resource name (empty when it owns none)
 */
public record MonitorSample(
        long atNanos,
        long windowNanos,
        Long requests,
        Double latencyP50Ms,
        Double latencyP95Ms,
        Double latencyP99Ms,
        Double errorRate,
        Double throughput,
        Double failClosedShare,
        Map<String, Long> failClosedReasons,
        double cpuPercent,
        double memoryPercent,
        Map<String, ProcessSample> processes) {

    public MonitorSample {
        // kept in the resources' order, so the evidence lists them as the script declared them
        processes = processes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(processes));
    }

    /** A window of an experiment that owns no processes. */
    public MonitorSample(long atNanos, long windowNanos, Long requests, Double latencyP50Ms, Double latencyP95Ms,
            Double latencyP99Ms, Double errorRate, Double throughput, Double failClosedShare,
            Map<String, Long> failClosedReasons, double cpuPercent, double memoryPercent) {
        this(atNanos, windowNanos, requests, latencyP50Ms, latencyP95Ms, latencyP99Ms, errorRate, throughput,
                failClosedShare, failClosedReasons, cpuPercent, memoryPercent, Map.of());
    }

    /** Deliberate fail-closed answers in the window (the sum of the reasons); null without load. */
    public Long failClosedResponses() {
        return failClosedReasons == null ? null : failClosedReasons.values().stream().mapToLong(Long::longValue).sum();
    }
}
