package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.ConditionSpec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks one condition at its own interval, on threads of its own, so a slow probe of one condition never
 * delays another. Probes start on a fixed grid whether or not the previous one has answered: a probe held
 * up by a stalled dependency does not blind the condition for as long as the stall lasts, so the first
 * answer under a fault comes at most one interval after the system's own. At most {@value #MAX_IN_FLIGHT}
 * probes wait at once, beyond that slots are skipped rather than queued: enough to see the start of a stall,
 * few enough that the probes do not themselves load a struggling system (a gateway whose every request now
 * waits 500 ms would otherwise get 50 probes at once from one 10 ms condition).
 */
final class ConditionMonitor implements AutoCloseable {
    private static final int MAX_ERROR_LENGTH = 200;
    static final int MAX_IN_FLIGHT = 4;

    private final ConditionSpec condition;
    private final ConditionSeries series;
    private final Timeline timeline;
    private final Thread thread;
    private final ExecutorService probes;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private volatile boolean running = true;

    ConditionMonitor(ConditionSpec condition, Timeline timeline) {
        this.condition = condition;
        this.timeline = timeline;
        this.series = new ConditionSeries(condition.name(), condition.every().toNanos(), timeline);
        this.thread = new Thread(this::loop, "condition-" + condition.name());
        this.thread.setDaemon(true);
        this.probes = Executors.newCachedThreadPool(probe -> {
            Thread t = new Thread(probe, "condition-" + condition.name() + "-probe");
            t.setDaemon(true);
            return t;
        });
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
