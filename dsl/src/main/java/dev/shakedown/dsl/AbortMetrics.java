package dev.shakedown.dsl;

import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.run.MonitorSample;
import java.time.Duration;

/**
 * The delegate of an {@code abortWhen { }} closure: the metrics of the latest monitoring window that
 * ended after the scenario's first injection, as the script's own units, so {@code errorRate > 50.percent} and
 * {@code latency.p95 > 2.s} compare like with like. Names it does not have (conditions, {@code http},
 * {@code alive}) resolve on the script. A metric that was not measured (no load, no window yet, no
 * request completed) throws: the abort condition then does not fire, and its observation says why.
 */
public final class AbortMetrics {
    private final MonitorSample window;

    AbortMetrics(MonitorSample window) {
        this.window = window;
    }

    /** Errors among the load's requests completed in the window. */
    public Percent getErrorRate() {
        return share("errorRate", sample().errorRate());
    }

    /** Deliberate fail-closed answers ({@code X-Fail-Closed}) among the load's requests. */
    public Percent getFailClosedShare() {
        return share("failClosedShare", sample().failClosedShare());
    }

    /** Completed requests per second: {@code throughput < 10}. */
    public double getThroughput() {
        return measured("throughput", sample().throughput());
    }

    /** Host CPU use. */
    public Percent getCpu() {
        return Percent.of(sample().cpuPercent());
    }

    /** Host memory use. */
    public Percent getMemory() {
        return Percent.of(sample().memoryPercent());
    }

    /** {@code latency.p50}, {@code latency.p95}, {@code latency.p99} of the load's requests in the window. */
    public Latency getLatency() {
        return new Latency();
    }

    public final class Latency {
        public Duration getP50() {
            return millis("latency.p50", sample().latencyP50Ms());
        }

        public Duration getP95() {
            return millis("latency.p95", sample().latencyP95Ms());
        }

        public Duration getP99() {
            return millis("latency.p99", sample().latencyP99Ms());
        }
    }

    private MonitorSample sample() {
        if (window == null) throw new IllegalStateException("no monitoring window has ended since the first injection yet");
        return window;
    }

    private static Percent share(String name, Double fraction) {
        return new Percent(measured(name, fraction));
    }

    private static Duration millis(String name, Double ms) {
        return Duration.ofNanos(Math.round(measured(name, ms) * 1e6));
    }

    private static double measured(String name, Double value) {
        if (value == null) throw new IllegalStateException(name + " was not measured in the latest window (no load, or no request completed)");
        return value;
    }
}
