package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.ConditionSpec;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks one condition at its own interval on a thread of its own, so a slow probe of one condition never
 * delays another. Slots are kept on a fixed grid; a probe that overruns its slot skips the missed ones
 * rather than firing a burst to catch up.
 */
final class ConditionMonitor implements AutoCloseable {
    private static final int MAX_ERROR_LENGTH = 200;

    private final ConditionSpec condition;
    private final ConditionSeries series;
    private final Timeline timeline;
    private final Thread thread;
    private volatile boolean running = true;

    ConditionMonitor(ConditionSpec condition, Timeline timeline) {
        this.condition = condition;
        this.timeline = timeline;
        this.series = new ConditionSeries(condition.name(), condition.every().toNanos(), timeline);
        this.thread = new Thread(this::loop, "condition-" + condition.name());
        this.thread.setDaemon(true);
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
            series.add(observeOnce());
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
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
