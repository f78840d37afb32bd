package dev.shakedown.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.ProcessSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-process part of {@code system_impact}: figures re-derivable from the monitor rows' {@code processes}. */
class SystemImpactTest {
    private static final long MS = 1_000_000;

    private static MonitorSample window(long atMs, Map<String, ProcessSample> processes) {
        return new MonitorSample(atMs * MS, 500 * MS, 25L, 3.0, 7.0, 9.0, 0.0, 50.0, 0.0, Map.of(), 10, 20, processes);
    }

    @Test
    void perProcessCpuAndRssOverTheWindowsAProcessWasSeenInFollowingARestartByName() {
        List<MonitorSample> chaos = List.of(
                window(500, Map.of("gateway", new ProcessSample(10, 4.0004, 100), "db", new ProcessSample(20, 1.0, 300))),
                window(1000, Map.of("gateway", new ProcessSample(11, 2.0, 201), "db", new ProcessSample(20, null, 300))),
                window(1500, Map.of("db", new ProcessSample(20, 3.0, 302))));

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> processes =
                (Map<String, Map<String, Map<String, Object>>>) SystemImpact.of(chaos).get("processes");

        assertThat(processes.get("gateway").get("cpu_usage_samples"))
                .containsEntry("min", 2.0).containsEntry("max", 4.0).containsEntry("avg", 3.0).containsEntry("samples", 2);
        assertThat(processes.get("gateway").get("rss_bytes_samples"))
                .containsEntry("min", 100L).containsEntry("max", 201L).containsEntry("avg", 151L).containsEntry("samples", 2);
        assertThat(processes.get("db").get("cpu_usage_samples")).as("a window without a figure is no sample")
                .containsEntry("samples", 2).containsEntry("avg", 2.0);
    }

    @Test
    void withoutOwnedProcessesThereIsNoProcessesEntry() {
        assertThat(SystemImpact.of(List.of(window(500, Map.of())))).doesNotContainKey("processes").containsKey("overall_health");
    }
}
