package dev.shakedown.bench;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.host.CpuInjector;
import dev.shakedown.stdlib.host.MemoryInjector;
import dev.shakedown.stdlib.process.ProcessHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU accuracy of the {@code cpu} fault against {@code stress-ng --cpu N --cpu-load P}, taken in turn in
 * the same run: each is measured from /proc (its processes' user + system time over a window, per core
 * asked) at 20/50/80/100 % for 1 core and for every core. Then the setup time of the cpu fault (step
 * start to burners running) and the time to reach 2 GB of memory pressure with the memory fault.
 * Usage: CpuBench [WINDOW_SECONDS]
 */
public final class CpuBench {
    /** Helper JVM start and stress-ng's fork are not part of the steady load being compared. */
    private static final long SETTLE_MILLIS = 1000;

    public static void main(String[] args) throws Exception {
        long windowMillis = (args.length > 0 ? Long.parseLong(args[0]) : 5) * 1000;
        int all = Runtime.getRuntime().availableProcessors();
        BenchRun run = new BenchRun(Files.createTempDirectory("cpu-bench"));
        System.out.println("window " + windowMillis / 1000 + " s per level, after " + SETTLE_MILLIS + " ms to settle");
        System.out.println("| cores | asked | shakedown | error | stress-ng | error |");
        System.out.println("|---|---|---|---|---|---|");
        for (int cores : all > 1 ? List.of(1, all) : List.of(1)) {
            for (int load : List.of(20, 50, 80, 100)) {
                double ours = shakedown(run, cores, load, windowMillis);
                double theirs = stressNg(cores, load, windowMillis);
                System.out.printf("| %d | %d %% | %.1f %% | %.1f | %.1f %% | %.1f |%n",
                        cores, load, ours, Math.abs(ours - load), theirs, Math.abs(theirs - load));
            }
        }
        setupTimes(run);
        memoryPressure(run);
    }

    private static double shakedown(BenchRun run, int cores, int load, long windowMillis) throws Exception {
        Fault fault = new CpuInjector().prepare(spec("cpu", Map.of("cores", cores, "load", load + "%")), run);
        fault.apply();
        try {
            return share(ProcessHandle.of((Long) fault.details().get("helperPid")).orElseThrow(), cores, windowMillis);
        } finally {
            fault.rollback();
        }
    }

    private static double stressNg(int cores, int load, long windowMillis) throws Exception {
        Process stress = new ProcessBuilder("stress-ng", "--cpu", String.valueOf(cores), "--cpu-load", String.valueOf(load),
                "--timeout", "120s", "--quiet").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return share(stress.toHandle(), cores, windowMillis);
        } finally {
            ProcessHandles.stopTree(stress.toHandle(), Duration.ofSeconds(5));
        }
    }

    /** CPU share per core of a process and its children over the window, in percent. */
    private static double share(ProcessHandle root, int cores, long windowMillis) throws Exception {
        Thread.sleep(SETTLE_MILLIS);
        double before = cpuSeconds(root);
        long start = System.nanoTime();
        Thread.sleep(windowMillis);
        double used = cpuSeconds(root) - before;
        return 100 * used / ((System.nanoTime() - start) / 1e9) / cores;
    }

    private static double cpuSeconds(ProcessHandle root) throws Exception {
        double sum = 0;
        for (ProcessHandle p : Stream.concat(Stream.of(root), root.descendants()).toList()) sum += Proc.cpuSeconds(p.pid());
        return sum;
    }

    /** From the step's start (prepare) to burners running (apply returned): what an inject step costs. */
    private static void setupTimes(BenchRun run) throws Exception {
        List<Double> setup = new ArrayList<>();
        for (int round = 0; round <= 10; round++) {
            long start = System.nanoTime();
            Fault fault = new CpuInjector().prepare(spec("cpu", Map.of("cores", 1, "load", "50%")), run);
            fault.apply();
            double ms = (System.nanoTime() - start) / 1e6;
            fault.rollback();
            if (round > 0) setup.add(ms); // round 0 warms up the engine side (class loading)
        }
        System.out.println("cpu fault setup (prepare + apply until the burners run): " + Stats.of(setup).format("ms"));
    }

    private static void memoryPressure(BenchRun run) throws Exception {
        new MemoryInjector().warmUp();
        for (Map<String, Object> options : List.<Map<String, Object>>of(
                Map.of("size", new ByteSize(2 * ByteSize.GB)),
                Map.of("size", new ByteSize(2 * ByteSize.GB), "ramp", false))) {
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                Fault fault = new MemoryInjector().prepare(spec("memory", options), run);
                fault.apply(); // returns once the helper holds all of it, touched
                times.add((System.nanoTime() - start) / 1e6);
                fault.rollback();
            }
            System.out.println("memory" + options + " until held: " + Stats.of(times).format("ms"));
        }
    }

    private static FaultSpec spec(String type, Map<String, Object> options) {
        return new FaultSpec(type, List.of(), options, SourceRef.UNKNOWN);
    }
}
