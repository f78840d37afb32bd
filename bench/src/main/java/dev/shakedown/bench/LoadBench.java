package dev.shakedown.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.stdlib.FreePorts;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine under its own background work, with the script {@code bench/scripts/hold.chaos.groovy} against
 * an HTTP target in a process the run owns:
 * <ol>
 *   <li>the engine's CPU (this JVM: scheduler, condition probes, load, monitor; the target is another
 *       process) while it holds a scenario, with three conditions at 100 Hz and 50 rps of load, and each part
 *       alone, in percent of one core, measured over the whole 'hold' scenario;</li>
 *   <li>the load rate achieved against the target rate at 50, 500 and 2,000 rps: the requests the monitor
 *       recorded in the 'hold' scenario's windows, per second of those windows.</li>
 * </ol>
 * Usage: LoadBench SCRIPT STATE_DIR [HOLD_SECONDS]
 */
public final class LoadBench {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]);
        Path state = Path.of(args[1]);
        int holdSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Registry registry = Registry.fromClasspath();

        System.out.printf("engine CPU while holding %d s (%% of one core; this JVM, target in its own process):%n", holdSeconds);
        for (int[] variant : new int[][] {{3, 50}, {3, 0}, {0, 50}, {0, 0}}) {
            Measured m = run(registry, script, state, variant[0], variant[1], holdSeconds);
            System.out.printf("  %d conditions at 100 Hz, %4d rps of load: engine CPU %.2f %%  (probes answered: %d)%n",
                    variant[0], variant[1], m.engineCpuPercent(), m.observations());
        }
        System.out.printf("  reference, no engine: the JDK HttpClient alone, 3 threads x 100 Hz GET to the same target: %.2f %%%n",
                rawHttpClientCpuPercent(holdSeconds));
        System.out.println("load rate achieved (requests recorded per second of the monitor's windows):");
        for (int rate : new int[] {50, 500, 2000}) {
            Measured m = run(registry, script, state, 0, rate, holdSeconds);
            List<MonitorSample> windows = m.windows();
            long requests = windows.stream().mapToLong(s -> s.requests() == null ? 0 : s.requests()).sum();
            double seconds = windows.stream().mapToLong(MonitorSample::windowNanos).sum() / 1e9;
            double errors = windows.stream().filter(s -> s.errorRate() != null).mapToDouble(s -> s.errorRate() * s.requests()).sum();
            List<Double> p99 = windows.stream().map(MonitorSample::latencyP99Ms).filter(v -> v != null).toList();
            System.out.printf("  target %4d rps: achieved %.1f rps (%.1f %%), %d requests, %.0f errors, window p99 latency %s; engine CPU %.1f %%%n",
                    rate, requests / seconds, 100 * requests / seconds / rate, requests, errors,
                    p99.isEmpty() ? "-" : Stats.of(p99).format("ms"), m.engineCpuPercent());
        }
    }

    /**
     * What three 100 Hz HTTP probes cost without the engine: the same client the probes use (JDK HttpClient,
     * HTTP/1.1, kept-alive connections), a GET every 10 ms from each of three threads, in this JVM.
     */
    private static double rawHttpClientCpuPercent(int seconds) throws Exception {
        int port = FreePorts.pick();
        Process target = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), "dev.shakedown.bench.HttpTargetMain", String.valueOf(port))
                .redirectErrorStream(true).start();
        try {
            new java.io.BufferedReader(new java.io.InputStreamReader(target.getInputStream())).readLine(); // "ready PORT"
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/raw")).build();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> probes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    long next = System.nanoTime();
                    while (running.get()) {
                        try {
                            client.send(get, HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            // counted as nothing: the figure is the client's CPU
                        }
                        next += 10_000_000;
                        LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                    }
                });
                t.start();
                probes.add(t);
            }
            Thread.sleep(3_000); // warm-up, as the engine's warmUp scenario
            long cpu = OS.getProcessCpuTime(), wall = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double percent = 100.0 * (OS.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
            running.set(false);
            for (Thread t : probes) t.join();
            return percent;
        } finally {
            target.destroy();
        }
    }

    private record Measured(double engineCpuPercent, List<MonitorSample> windows, long observations) {}

    private static Measured run(Registry registry, Path script, Path state, int conditions, int rate, int holdSeconds) throws Exception {
        Map<String, String> params = Map.of(
                "java", ProcessHandle.current().info().command().orElse("java"),
                "classpath", System.getProperty("java.class.path"),
                "port", String.valueOf(FreePorts.pick()),
                "conditions", String.valueOf(conditions),
                "rate", String.valueOf(rate),
                "hold", holdSeconds + "s");
        ExperimentPlan plan = new ScriptCompiler(registry, LoadBench.class.getClassLoader()).compile(script, params);
        HoldTimer timer = new HoldTimer();
        RunResult result = new ExperimentRunner(registry, RunOptions.defaults(state), timer).run(plan);
        ScenarioRecord hold = result.scenarios().stream().filter(s -> s.name().equals("hold")).findFirst().orElseThrow();
        if (hold.outcome() != ScenarioRecord.Outcome.COMPLETED) throw new IllegalStateException("the hold scenario did not complete: " + hold.problem());
        long observations = hold.series().values().stream().mapToLong(List::size).sum();
        return new Measured(timer.cpuPercent(), new ArrayList<>(hold.samples()), observations);
    }

    /** This JVM's CPU time over the 'hold' scenario, from its start to its end. */
    private static final class HoldTimer implements RunListener {
        private long cpuStart, wallStart, cpuEnd, wallEnd;

        @Override
        public void scenarioStarted(ScenarioPlan scenario) {
            if (!scenario.name().equals("hold")) return;
            wallStart = System.nanoTime();
            cpuStart = OS.getProcessCpuTime();
        }

        @Override
        public void scenarioFinished(ScenarioRecord record) {
            if (!record.name().equals("hold")) return;
            cpuEnd = OS.getProcessCpuTime();
            wallEnd = System.nanoTime();
        }

        double cpuPercent() {
            return 100.0 * (cpuEnd - cpuStart) / (wallEnd - wallStart);
        }
    }
}
