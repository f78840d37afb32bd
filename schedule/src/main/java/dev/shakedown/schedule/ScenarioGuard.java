package dev.shakedown.schedule;

import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A scenario never overlaps itself, on any node: a firing holds a lease on each of its scenarios (by
 * component and name) while its experiment runs. Quartz keeps one schedule from overlapping itself; this
 * keeps two schedules that name the same scenario (on one node or on two) from running it at once. A
 * firing whose scenario runs elsewhere waits for it, as Quartz makes a schedule wait for its own previous
 * firing, and then follows its misfire policy: {@code skip} drops it once it is later than the misfire
 * threshold, {@code runOnce} runs it.
 * Clustered, the leases are PostgreSQL advisory locks held by a connection of the node
 * ({@link AdvisoryScenarioLocks}), so a node that dies loses them with its connection; on the embedded store
 * one process is the only node and the leases live in its memory ({@link LocalScenarioLocks}).
 */
public final class ScenarioGuard {
    /** How often a waiting firing asks again: an experiment lasts seconds to minutes. */
    private static final Duration POLL = Duration.ofMillis(250);

    /** What holds the leases; {@link #tryHold} takes all of them or none. */
    interface Locks {
        /** Takes every key (a sorted list) for {@code holder}; or returns who holds the first one taken. */
        Attempt tryHold(List<Long> keys, String holder) throws SQLException;
    }

    /** The outcome of one try: a lease, or the holder of a key that is taken. */
    record Attempt(Optional<Lease> lease, String busyWith) {
        static Attempt held(Lease lease) {
            return new Attempt(Optional.of(lease), null);
        }

        static Attempt busy(String holder) {
            return new Attempt(Optional.empty(), holder);
        }
    }

    /** The scenarios of a running firing; closing it lets the next firing of them start. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private final Locks locks;

    ScenarioGuard(Locks locks) {
        this.locks = locks;
    }

    /** Advisory locks on the store's PostgreSQL when it is clustered; locks in this process otherwise. */
    public static ScenarioGuard on(JobStore store) {
        return new ScenarioGuard(store.clustered() ? new AdvisoryScenarioLocks(store) : new LocalScenarioLocks());
    }

    /**
     * Waits until no other firing runs any of the scenarios, then returns their lease; empty when the firing
     * is not to run: it waited past the misfire threshold under {@code misfire: 'skip'}, or {@code stopping}
     * turned true meanwhile. Says on {@code log} what it waits for and what it decided.
     */
    public Optional<Lease> await(String component, List<String> scenarios, Firing firing, BooleanSupplier stopping,
                                 Consumer<String> log) throws SQLException, InterruptedException {
        List<Long> keys = scenarios.stream().map(s -> key(component, s)).distinct().sorted().toList();
        String holder = "node " + firing.node() + ", due " + firing.scheduled() + ", " + firing.schedule();
        String waitingFor = null;
        while (!stopping.getAsBoolean()) {
            Attempt attempt = locks.tryHold(keys, holder);
            if (attempt.lease().isPresent()) {
                Lease lease = attempt.lease().get();
                if (waitingFor == null || !tooLate(firing)) return Optional.of(lease);
                lease.close();
                log.accept("skipped " + firing.schedule() + ", due " + firing.scheduled() + ": its scenarios of '" + component
                        + "' were running (" + waitingFor + ") past its due time (misfire skip)");
                return Optional.empty();
            }
            if (!attempt.busyWith().equals(waitingFor)) {
                waitingFor = attempt.busyWith();
                log.accept("waiting: a scenario of " + firing.schedule() + " is running elsewhere (" + waitingFor
                        + "); a scenario never overlaps itself");
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }

    private static boolean tooLate(Firing firing) {
        return firing.misfire() == Misfire.SKIP
                && Instant.now().isAfter(firing.scheduled().plusMillis(JobStore.MISFIRE_THRESHOLD_MS));
    }

    /** A scenario's lock key: 64 bits of the SHA-256 of its component and name, the same on every node. */
    static long key(String component, String scenario) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((component + "\0" + scenario).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) key = (key << 8) | (hash[i] & 0xff);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
