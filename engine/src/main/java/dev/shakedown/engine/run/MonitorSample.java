package dev.shakedown.engine.run;

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
 * @param failClosedReasons those answers by their reason ({@code X-Fail-Closed}); null without load
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
        double memoryPercent) {}
