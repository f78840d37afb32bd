package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.AbortSpec;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Asks one abort condition at its interval, on a thread of its own, from a scenario's start to its end.
 * On the first true answer it calls {@code onFire} from that same thread, so the rollback starts the moment
 * the answer came, not when the scenario's thread next looks. It then stops asking: an abort fires once.
 */
final class AbortWatch implements AutoCloseable {
    /** What the watch calls when its condition fires; runs on the watch's thread. */
    interface OnFire {
        void fired(AbortSpec spec, Observation observation, MonitorSample window);
    }

    private final AbortSpec spec;
    private final ConditionSeries series;
    private final Timeline timeline;
    private final Supplier<MonitorSample> latestWindow;
    private final OnFire onFire;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean firing;

    /** @param latestWindow the most recent monitoring window of the scenario, or null before its first */
    AbortWatch(AbortSpec spec, Timeline timeline, Supplier<MonitorSample> latestWindow, OnFire onFire) {
        this.spec = spec;
        this.timeline = timeline;
        this.latestWindow = latestWindow;
        this.onFire = onFire;
        this.series = new ConditionSeries(spec.name(), spec.every().toNanos(), timeline);
        this.thread = new Thread(this::loop, "abort-" + spec.name());
        this.thread.setDaemon(true);
    }

    AbortSpec spec() {
        return spec;
    }

    ConditionSeries series() {
        return series;
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long every = spec.every().toNanos();
        long next = timeline.now();
        while (running) {
            MonitorSample window = latestWindow.get();
            Observation o = observeOnce(window);
            series.add(o);
            if (o.value()) {
                firing = true;
                running = false;
                onFire.fired(spec, o, window);
                return;
            }
            long now = timeline.now();
            next += every;
            if (next < now) next = now + (every - (now - next) % every);
            while (running && (now = timeline.now()) < next) LockSupport.parkNanos(next - now);
        }
    }

    private Observation observeOnce(MonitorSample window) {
        long started = timeline.now();
        boolean value;
        String error = null;
        try {
            value = spec.probe().test(window);
        } catch (Exception | LinkageError e) {
            value = false;
            error = ConditionMonitor.describe(e);
        }
        return new Observation(started, timeline.now(), value, error);
    }

    /**
     * Stops asking. Waits for a rollback the watch is doing however long it takes, so that the scenario's
     * own rollback and its record come after it; a probe that hangs is given up on after a few seconds.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        long giveUp = System.nanoTime() + 5_000_000_000L;
        while (thread.isAlive() && (firing || System.nanoTime() < giveUp)) {
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true; // the abort itself interrupts the scenario's thread; the join must still happen
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
