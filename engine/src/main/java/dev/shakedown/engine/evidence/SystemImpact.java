package dev.shakedown.engine.evidence;

import dev.shakedown.engine.run.MonitorSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The seed's {@code system_impact}: min/max/avg/samples per metric over the monitoring windows that
 * ended during chaos, and {@code overall_health} by the seed's thresholds. {@code latency_samples} are
 * the windows' p95 latencies in ms. Health is {@code unknown} when no load measured anything.
 */
final class SystemImpact {
    private SystemImpact() {}

    static Map<String, Object> of(List<MonitorSample> chaos) {
        Map<String, Object> impact = new LinkedHashMap<>();
        put(impact, "latency_samples", chaos, MonitorSample::latencyP95Ms);
        put(impact, "error_rate_samples", chaos, MonitorSample::errorRate);
        put(impact, "throughput_samples", chaos, MonitorSample::throughput);
        put(impact, "cpu_usage_samples", chaos, MonitorSample::cpuPercent);
        put(impact, "memory_usage_samples", chaos, MonitorSample::memoryPercent);
        impact.put("overall_health", health(impact));
        return impact;
    }

    private static void put(Map<String, Object> impact, String key, List<MonitorSample> samples, Function<MonitorSample, Double> metric) {
        List<Double> values = samples.stream().map(metric).filter(v -> v != null).toList();
        if (values.isEmpty()) return;
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("min", values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        stats.put("max", values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        stats.put("avg", values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        stats.put("samples", values.size());
        impact.put(key, stats);
    }

    @SuppressWarnings("unchecked")
    private static String health(Map<String, Object> impact) {
        var errors = (Map<String, Object>) impact.get("error_rate_samples");
        var latency = (Map<String, Object>) impact.get("latency_samples");
        if (errors == null && latency == null) return "unknown";
        double avgError = errors == null ? 0 : (double) errors.get("avg");
        double avgLatency = latency == null ? 0 : (double) latency.get("avg");
        if (avgError > 0.20 || avgLatency > 1000) return "critical";
        if (avgError > 0.05 || avgLatency > 500) return "degraded";
        return "healthy";
    }
}
