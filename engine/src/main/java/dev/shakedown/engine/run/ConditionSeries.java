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
    /** How long to wait past a deadline for the answer to a question asked before it. */
    private static final long ANSWER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);

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
     * The first true observation asked between {@code sinceNanos} and {@code deadlineNanos}; waits while
     * the deadline lies ahead, and after it for the answer to a question asked before it. An observation
     * asked before {@code sinceNanos} may describe the system before the intervention, so it never counts.
     */
    public Optional<Observation> awaitFirstTrue(long sinceNanos, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            int scanned = 0;
            while (true) {
                for (; scanned < observations.size(); scanned++) {
                    Observation o = observations.get(scanned);
                    if (o.startedNanos() > deadlineNanos) return Optional.empty();
                    if (o.startedNanos() >= sinceNanos && o.value()) return Optional.of(o);
                }
                long now = timeline.now();
                if (now > deadlineNanos + ANSWER_GRACE_NANOS) return Optional.empty();
                long wait = now < deadlineNanos ? deadlineNanos - now : everyNanos;
                added.await(Math.max(wait, 1), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The first true observation asked at or after {@code sinceNanos}, whenever it came. */
    public Optional<Observation> firstTrueSince(long sinceNanos) {
        return snapshot().stream().filter(o -> o.startedNanos() >= sinceNanos && o.value()).findFirst();
    }
}
