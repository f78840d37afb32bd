package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.LoadSpec;
import dev.shakedown.engine.plan.Rate;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.LoadAction;
import dev.shakedown.stdlib.probe.HttpWord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time to take one monitoring sample ({@link Monitor#sample}), which is package-private: hence this
 * class lives in the engine's package, in the bench jar. Three set-ups side by side: host CPU and memory
 * only; plus one load at 50 rps (merging its window's latency histogram); plus the CPU and RSS of three
 * owned processes (three real JVMs, like the demo's db, guardian and gateway). Each is sampled 2,000 times
 * after 500 warm-up samples, 5 ms apart (so there are CPU ticks between samples, as in a run).
 *
 * <p>Usage: MonitorSampleBench
 */
public final class MonitorSampleBench {
    private static final int WARM_UP = 500;
    private static final int SAMPLES = 2_000;

    private MonitorSampleBench() {}

    public static void main(String[] args) throws Exception {
        List<Process> owned = new ArrayList<>();
        try {
            Map<String, List<Long>> pids = new LinkedHashMap<>();
            int port = 0;
            for (String name : List.of("db", "guardian", "gateway")) {
                Process p = launchTarget();
                owned.add(p);
                pids.put(name, List.of(p.pid()));
                port = readyPort(p);
            }
            LoadAction get = ((dev.shakedown.stdlib.probe.Http) new HttpWord().call(null, Map.of(), List.of()))
                    .get("http://127.0.0.1:" + port + "/load");
            List<LoadSpec> load = List.of(new LoadSpec("load-1", get, new Rate(50), SourceRef.UNKNOWN));

            report("host CPU and memory only", List.of(), Map.of());
            report("+ one load at 50 rps", load, Map.of());
            report("+ three owned processes (OSHI)", load, pids);
        } finally {
            owned.forEach(Process::destroy);
        }
    }

    private static void report(String what, List<LoadSpec> loads, Map<String, List<Long>> pids) throws InterruptedException {
        Timeline timeline = new Timeline();
        // a window of an hour: the monitor's own thread never samples while this one does
        try (Monitor monitor = new Monitor(loads, Duration.ofHours(1), timeline, () -> pids)) {
            monitor.start();
            List<Double> micros = new ArrayList<>(SAMPLES);
            MonitorSample last = null;
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                Thread.sleep(5);
                long start = System.nanoTime();
                last = monitor.sample(timeline.now(), 5_000_000);
                long took = System.nanoTime() - start;
                if (i >= WARM_UP) micros.add(took / 1000.0);
            }
            List<Double> sorted = micros.stream().sorted().toList();
            System.out.printf("  %-34s n=%d median=%.1f us p99=%.1f us max=%.1f us  (last: %d processes, %s requests)%n", what,
                    sorted.size(), rank(sorted, 0.5), rank(sorted, 0.99), sorted.get(sorted.size() - 1),
                    last.processes().size(), last.requests());
        }
    }

    private static double rank(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static Process launchTarget() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "dev.shakedown.bench.HttpTargetMain", "0").redirectErrorStream(true).start();
    }

    private static int readyPort(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready ")) throw new IllegalStateException("the target did not start: " + line);
        return Integer.parseInt(line.substring("ready ".length()).trim());
    }
}
