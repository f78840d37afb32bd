package dev.shakedown.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.UndoRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CPU and RSS of real processes, found by the PIDs their resources report. */
class ProcessMetricsTest {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    @Test
    void aBusyProcessUsesCpuBetweenSamplesAnIdleOneNoneAndBothHaveTheirRss() throws Exception {
        Process busy = start("sh", "-c", "while :; do :; done");
        Process idle = start("sleep", "600");
        ProcessMetrics metrics = new ProcessMetrics();
        Map<String, List<Long>> pids = Map.of("busy", List.of(busy.pid()), "idle", List.of(idle.pid()));
        metrics.sample(pids);

        AtomicReference<Map<String, ProcessSample>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(metrics.sample(pids));
            Double cpu = last.get().get("busy").cpuPercent();
            return cpu != null && cpu > 0;
        });

        assertThat(last.get().get("busy").pid()).isEqualTo(busy.pid());
        assertThat(last.get().get("idle").cpuPercent()).isZero();
        assertThat(last.get().values()).allSatisfy(p -> assertThat(p.rssBytes()).isPositive());
    }

    @Test
    void aProcessThatIsGoneIsLeftOutAndOneWithSeveralPidsIsListedByPid() throws Exception {
        Process a = start("sleep", "600");
        Process b = start("sleep", "600");
        Process gone = start("true");
        gone.waitFor();
        ProcessMetrics metrics = new ProcessMetrics();

        Map<String, ProcessSample> sample = metrics.sample(Map.of("pair", List.of(a.pid(), b.pid()), "gone", List.of(gone.pid())));

        assertThat(sample).containsOnlyKeys("pair:" + a.pid(), "pair:" + b.pid());
        assertThat(sample.get("pair:" + a.pid()).cpuPercent()).as("first sight of a process started before").isNull();
    }

    @Test
    void aRestartedProcessIsMeasuredOverItsLifeFromItsFirstSample() throws Exception {
        Process first = start("sleep", "600");
        ProcessMetrics metrics = new ProcessMetrics();
        metrics.sample(Map.of("svc", List.of(first.pid())));
        first.destroyForcibly().waitFor();
        Process restarted = start("sleep", "600");

        ProcessSample sample = metrics.sample(Map.of("svc", List.of(restarted.pid()))).get("svc");

        assertThat(sample.pid()).isEqualTo(restarted.pid());
        assertThat(sample.cpuPercent()).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    void ownedProcessesReadThePidsLiveFromTheResourcesDetails() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>(Map.of("pid", 41L));
        Map<String, Resource> resources = new LinkedHashMap<>();
        resources.put("gateway", resource(details));
        resources.put("link", resource(Map.of("address", "127.0.0.1:1")));
        resources.put("workers", resource(Map.of("pids", List.of(7L, 8L))));
        OwnedProcesses owned = new OwnedProcesses(resources);

        assertThat(owned.get()).isEqualTo(Map.of("gateway", List.of(41L), "workers", List.of(7L, 8L)));
        details.put("pid", 42L); // restarted
        assertThat(owned.get().get("gateway")).containsExactly(42L);
    }

    private static Resource resource(Map<String, Object> details) {
        return new Resource() {
            @Override public String name() { return "r"; }
            @Override public void start() {}
            @Override public UndoRecord undoRecord() { return UndoRecord.nothing("test"); }
            @Override public Map<String, Object> details() { return details; }
            @Override public void close() {}
        };
    }
}
