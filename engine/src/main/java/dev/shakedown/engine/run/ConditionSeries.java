package dev.shakedown.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything one condition answered during a scenario, in order, and a way to wait for the first
 * "true" after a moment. Decisions are taken from this record, so an expectation reached after its
 * deadline is judged by what was observed then, not by what holds now.
 */
public final class ConditionSeries {
    private final String name;
    private final long everyNanos;
    private final List<Observation> observations = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final Timeline timeline;

    public ConditionSeries(String name, long everyNanos, Timeline timeline) {
        this.name = name;
        this.everyNanos = everyNanos;
        this.timeline = timeline;
    }

    public String name() {
        return name;
    }

    public long everyNanos() {
        return everyNanos;
    }

    public void add(Observation o) {
        lock.lock();
        try {
            observations.add(o);
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public List<Observation> snapshot() {
        lock.lock();
        try {
            return List.copyOf(observations);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first true observation answered between {@code sinceNanos} and {@code deadlineNanos}; waits
     * while the deadline lies ahead. An observation counts at the moment its answer came (see
     * {@link Observation}): one answered before {@code sinceNanos} describes the system before the
     * intervention and never counts; one asked just before but answered after it does, since the system
     * gave that answer under the fault (a stalled link makes the request in flight time out).
     */
    public Optional<Observation> awaitFirstTrue(long sinceNanos, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            int scanned = 0;
            while (true) {
                for (; scanned < observations.size(); scanned++) {
                    Observation o = observations.get(scanned);
                    if (o.completedNanos() >= sinceNanos && o.value()) {
                        return o.completedNanos() <= deadlineNanos ? Optional.of(o) : Optional.empty();
                    }
                }
                long remaining = deadlineNanos - timeline.now();
                if (remaining <= 0) return Optional.empty();
                added.await(remaining, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The first true observation answered at or after {@code sinceNanos}, whenever it came. */
    public Optional<Observation> firstTrueSince(long sinceNanos) {
        return snapshot().stream().filter(o -> o.completedNanos() >= sinceNanos && o.value()).findFirst();
    }
}
