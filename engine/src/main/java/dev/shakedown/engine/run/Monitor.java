package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.LoadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs the background load and takes one {@link MonitorSample} per interval (the seed's 500 ms by
 * default) for the whole run: latency, errors and throughput of the load, host CPU and memory.
 */
final class Monitor implements AutoCloseable {
    private final Timeline timeline;
    private final long everyNanos;
    private final List<LoadGenerator> loads = new ArrayList<>();
    private final List<MonitorSample> samples = new CopyOnWriteArrayList<>();
    private final HostMetrics host = new HostMetrics();
    private final Thread thread;
    private volatile boolean running = true;

    Monitor(List<LoadSpec> loadSpecs, Duration every, Timeline timeline) {
        this.timeline = timeline;
        this.everyNanos = every.toNanos();
        loadSpecs.forEach(spec -> loads.add(new LoadGenerator(spec, timeline)));
        this.thread = new Thread(this::loop, "monitor");
        this.thread.setDaemon(true);
    }

    void start() {
        loads.forEach(LoadGenerator::start);
        thread.start();
    }

    List<MonitorSample> samples() {
        return List.copyOf(samples);
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

    private MonitorSample sample(long at, long window) {
        double cpu = host.cpuPercent();
        double memory = host.memoryPercent();
        if (loads.isEmpty()) {
            return new MonitorSample(at, window, null, null, null, null, null, null, null, null, cpu, memory);
        }
        Histogram merged = new Histogram(LoadGenerator.HIGHEST_TRACKABLE_NANOS, 3);
        long completed = 0, errors = 0, failClosed = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (LoadGenerator load : loads) {
            LoadGenerator.Window w = load.takeWindow();
            merged.add(w.latencies());
            completed += w.completed();
            errors += w.errors();
            failClosed += w.failClosed();
            w.failClosedReasons().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
        }
        double seconds = window / 1e9;
        if (completed == 0) {
            return new MonitorSample(at, window, 0L, null, null, null, null, 0.0, null, Map.of(), cpu, memory);
        }
        return new MonitorSample(at, window, completed,
                ms(merged.getValueAtPercentile(50)), ms(merged.getValueAtPercentile(95)),
                ms(merged.getValueAtPercentile(99)), (double) errors / completed, completed / seconds,
                (double) failClosed / completed, Map.copyOf(reasons), cpu, memory);
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
