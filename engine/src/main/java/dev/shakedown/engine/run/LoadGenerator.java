package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.LoadSpec;
import dev.shakedown.engine.spi.LoadAction.LoadOutcome;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load: requests are sent at a constant arrival rate whatever the system does, and each
 * latency is measured from the moment the request was due, not from when it was sent. A stalled
 * system therefore shows its stall in the latencies instead of quietly slowing the load (no
 * coordinated omission).
 */
final class LoadGenerator implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 512;
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final LoadSpec spec;
    private final Timeline timeline;
    private final Recorder latencies = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
    private Histogram recycled;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, LongAdder> failClosedReasons = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final Thread pacer;
    private volatile boolean running = true;

    LoadGenerator(LoadSpec spec, Timeline timeline) {
        this.spec = spec;
        this.timeline = timeline;
        this.workers = new ThreadPoolExecutor(0, MAX_IN_FLIGHT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "load-" + spec.name());
            t.setDaemon(true);
            return t;
        });
        this.pacer = new Thread(this::pace, "load-pacer-" + spec.name());
        this.pacer.setDaemon(true);
    }

    void start() {
        pacer.start();
    }

    private void pace() {
        warmUp();
        double intervalNanos = 1e9 / spec.rate().perSecond();
        long origin = timeline.now();
        for (long k = 0; running; k++) {
            long due = origin + Math.round(k * intervalNanos);
            long now;
            while (running && (now = timeline.now()) < due) LockSupport.parkNanos(due - now);
            if (!running) return;
            try {
                workers.execute(() -> send(due));
            } catch (RejectedExecutionException e) {
                // Every worker is waiting on the system: the request is due and cannot even be sent.
                record(due, null);
            }
        }
    }

    /**
     * One request before the clock starts, unrecorded: the first request of a JVM pays for class loading
     * and connection setup in the engine itself, which is no latency of the system under test.
     */
    private void warmUp() {
        try {
            spec.action().perform();
        } catch (Exception ignored) {
            // Whatever the system answers now is measured from the first paced request on.
        }
    }

    private void send(long dueNanos) {
        LoadOutcome outcome;
        try {
            outcome = spec.action().perform();
        } catch (Exception e) {
            outcome = null;
        }
        record(dueNanos, outcome);
    }

    private void record(long dueNanos, LoadOutcome outcome) {
        latencies.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, Math.max(0, timeline.now() - dueNanos)));
        completed.incrementAndGet();
        if (outcome == null || outcome.error()) errors.incrementAndGet();
        else if (outcome.failClosed()) failClosedReasons.computeIfAbsent(outcome.failClosedReason(), r -> new LongAdder()).increment();
    }

    /**
     * What happened since the previous call; resets the counters. The window's histogram is valid until the
     * next call, which recycles it (spanning 10 minutes at 3 digits, a histogram is 254 KB: one per window
     * would be garbage).
     */
    synchronized Window takeWindow() {
        Histogram h = latencies.getIntervalHistogram(recycled);
        recycled = h;
        Map<String, Long> reasons = new TreeMap<>();
        failClosedReasons.forEach((reason, count) -> {
            long n = count.sumThenReset();
            if (n > 0) reasons.put(reason, n);
        });
        return new Window(h, completed.getAndSet(0), errors.getAndSet(0), reasons);
    }

    /** @param failClosedReasons deliberate fail-closed answers by reason */
    record Window(Histogram latencies, long completed, long errors, Map<String, Long> failClosedReasons) {
        long failClosed() {
            return failClosedReasons.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(pacer);
        workers.shutdownNow();
        try {
            pacer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
