package dev.shakedown.engine.evidence;

import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.ProcessSample;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The seed's {@code system_impact}: min/max/avg/samples per metric over the monitoring windows that
 * ended during chaos, and {@code overall_health} by the seed's thresholds. {@code latency_samples} are
 * the windows' p95 latencies in ms; {@code processes} has CPU and RSS per process the script owns. Health is
 * {@code unknown} when no load measured anything.
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
        Map<String, Object> processes = processes(chaos);
        if (!processes.isEmpty()) impact.put("processes", processes);
        impact.put("overall_health", health(impact));
        return impact;
    }

    /**
     * Per owned process, over the windows it was seen in: CPU (percent of one core, as rounded in the series, so
     * the figures are re-derivable from it exactly) and RSS in bytes. A restarted process stays under its name.
     */
    private static Map<String, Object> processes(List<MonitorSample> chaos) {
        Set<String> names = new LinkedHashSet<>();
        chaos.forEach(s -> names.addAll(s.processes().keySet()));
        Map<String, Object> processes = new LinkedHashMap<>();
        for (String name : names) {
            List<ProcessSample> seen = chaos.stream().map(s -> s.processes().get(name)).filter(p -> p != null).toList();
            Map<String, Object> stats = new LinkedHashMap<>();
            put(stats, "cpu_usage_samples", seen.stream()
                    .map(p -> p.cpuPercent() == null ? null : EvidenceBuilder.round(p.cpuPercent())).toList());
            putBytes(stats, "rss_bytes_samples", seen.stream().mapToLong(ProcessSample::rssBytes).toArray());
            processes.put(name, stats);
        }
        return processes;
    }

    /** As whole bytes (the average rounded to one), so that the JSON reads as sizes, not as 1.2E8. */
    private static void putBytes(Map<String, Object> stats, String key, long[] values) {
        if (values.length == 0) return;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("min", Arrays.stream(values).min().orElseThrow());
        s.put("max", Arrays.stream(values).max().orElseThrow());
        s.put("avg", Math.round(Arrays.stream(values).average().orElseThrow()));
        s.put("samples", values.length);
        stats.put(key, s);
    }

    private static void put(Map<String, Object> impact, String key, List<MonitorSample> samples, Function<MonitorSample, Double> metric) {
        put(impact, key, samples.stream().map(metric).toList());
    }

    private static void put(Map<String, Object> impact, String key, List<Double> all) {
        List<Double> values = all.stream().filter(v -> v != null).toList();
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
