package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.LoadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Runs the background load and takes one {@link MonitorSample} per interval (the seed's 500 ms by
 * default) for the whole run: latency, errors and throughput of the load, host CPU and memory, and CPU
 * and RSS of every process the script owns.
 */
final class Monitor implements AutoCloseable {
    private final Timeline timeline;
    private final long everyNanos;
    private final List<LoadGenerator> loads = new ArrayList<>();
    private final List<MonitorSample> samples = new CopyOnWriteArrayList<>();
    private final HostMetrics host = new HostMetrics();
    private final ProcessMetrics processMetrics = new ProcessMetrics();
    /** The loads' windows merged; reused, as only the monitor's thread samples (see LoadGenerator#takeWindow). */
    private final Histogram merged = new Histogram(LoadGenerator.HIGHEST_TRACKABLE_NANOS, 3);
    private final Supplier<Map<String, List<Long>>> ownedPids;
    private final Thread thread;
    private volatile boolean running = true;

    Monitor(List<LoadSpec> loadSpecs, Duration every, Timeline timeline) {
        this(loadSpecs, every, timeline, Map::of);
    }

    /** @param ownedPids the PIDs of the processes the script owns, by resource name; asked at every sample */
    Monitor(List<LoadSpec> loadSpecs, Duration every, Timeline timeline, Supplier<Map<String, List<Long>>> ownedPids) {
        this.timeline = timeline;
        this.ownedPids = ownedPids;
        this.everyNanos = every.toNanos();
        loadSpecs.forEach(spec -> loads.add(new LoadGenerator(spec, timeline)));
        this.thread = new Thread(this::loop, "monitor");
        this.thread.setDaemon(true);
    }

    void start() {
        // a first snapshot of each process, so the first window already has CPU time to measure from
        processMetrics.sample(ownedPids.get());
        loads.forEach(LoadGenerator::start);
        thread.start();
    }

    List<MonitorSample> samples() {
        return List.copyOf(samples);
    }

    /** The most recent window, or null before the first: what abort conditions read, without copying every window. */
    MonitorSample latest() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    private void loop() {
        long windowStart = timeline.now();
        while (running) {
            long due = windowStart + everyNanos;
            long now;
            while (running && (now = timeline.now()) < due) LockSupport.parkNanos(due - now);
            long end = timeline.now();
            samples.add(sample(end, end - windowStart));
            windowStart = end;
        }
    }

    /** One window's figures; package-visible so a benchmark can time it. */
    MonitorSample sample(long at, long window) {
        double cpu = host.cpuPercent();
        double memory = host.memoryPercent();
        Map<String, ProcessSample> processes = processMetrics.sample(ownedPids.get());
        if (loads.isEmpty()) {
            return new MonitorSample(at, window, null, null, null, null, null, null, null, null, cpu, memory, processes);
        }
        if (loads.size() > 1) merged.reset();
        Histogram latencies = merged;
        long completed = 0, errors = 0, failClosed = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (LoadGenerator load : loads) {
            LoadGenerator.Window w = load.takeWindow();
            // one load (the usual case) is read as it is: merging walks all of a 254 KB histogram twice
            if (loads.size() == 1) latencies = w.latencies();
            else merged.add(w.latencies());
            completed += w.completed();
            errors += w.errors();
            failClosed += w.failClosed();
            w.failClosedReasons().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
        }
        double seconds = window / 1e9;
        if (completed == 0) {
            return new MonitorSample(at, window, 0L, null, null, null, null, 0.0, null, Map.of(), cpu, memory, processes);
        }
        return new MonitorSample(at, window, completed,
                ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(95)),
                ms(latencies.getValueAtPercentile(99)), (double) errors / completed, completed / seconds,
                (double) failClosed / completed, Map.copyOf(reasons), cpu, memory, processes);
    }

    private static double ms(long nanos) {
        return Timeline.millis(nanos);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        loads.forEach(LoadGenerator::close);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
