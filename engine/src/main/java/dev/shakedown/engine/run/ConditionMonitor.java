package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.ConditionSpec;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks one condition at its own interval, on threads of its own, so a slow probe of one condition never
 * delays another. Probes start on a fixed grid whether or not the previous one has answered: a probe held
 * up by a stalled dependency does not blind the condition for as long as the stall lasts, so the first
 * answer under a fault comes at most one interval after the system's own. Up to {@link #maxInFlight} probes
 * wait at once (enough for answers {@value #PENDING_SECONDS} s slow on every slot); beyond that, slots are
 * skipped rather than queued.
 */
final class ConditionMonitor implements AutoCloseable {
    private static final int MAX_ERROR_LENGTH = 200;
    static final int PENDING_SECONDS = 3;
    private static final int MIN_IN_FLIGHT = 16;

    private final ConditionSpec condition;
    private final ConditionSeries series;
    private final Timeline timeline;
    private final Thread thread;
    private final ExecutorService probes;
    private final Semaphore inFlight;
    private volatile boolean running = true;

    ConditionMonitor(ConditionSpec condition, Timeline timeline) {
        this.condition = condition;
        this.timeline = timeline;
        this.series = new ConditionSeries(condition.name(), condition.every().toNanos(), timeline);
        this.inFlight = new Semaphore(maxInFlight(condition.every()));
        this.thread = new Thread(this::loop, "condition-" + condition.name());
        this.thread.setDaemon(true);
        this.probes = Executors.newCachedThreadPool(probe -> {
            Thread t = new Thread(probe, "condition-" + condition.name() + "-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Slots of {@code every} in {@value #PENDING_SECONDS} s, at least {@value #MIN_IN_FLIGHT}. */
    static int maxInFlight(Duration every) {
        long slots = Duration.ofSeconds(PENDING_SECONDS).toNanos() / Math.max(1, every.toNanos());
        return (int) Math.max(MIN_IN_FLIGHT, Math.min(slots, 1_000));
    }

    ConditionSeries series() {
        return series;
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long every = condition.every().toNanos();
        long next = timeline.now();
        while (running) {
            if (inFlight.tryAcquire()) {
                try {
                    probes.execute(() -> {
                        try {
                            Observation o = observeOnce();
                            if (running) series.add(o); // an answer after close belongs to no scenario
                        } finally {
                            inFlight.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    inFlight.release(); // closing
                }
            }
            long now = timeline.now();
            next += every;
            if (next < now) next = now + (every - (now - next) % every);
            while (running && (now = timeline.now()) < next) {
                LockSupport.parkNanos(next - now);
            }
        }
    }

    private Observation observeOnce() {
        long started = timeline.now();
        boolean value;
        String error = null;
        try {
            value = condition.probe().test();
        } catch (Exception | LinkageError e) {
            value = false;
            error = describe(e);
        }
        return new Observation(started, timeline.now(), value, error);
    }

    static String describe(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "..." : text;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        probes.shutdown(); // probes in flight end by their own timeouts; interrupting them would record false answers
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
