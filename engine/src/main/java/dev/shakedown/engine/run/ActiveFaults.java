package dev.shakedown.engine.run;

import dev.shakedown.engine.ledger.Ledger;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.run.ScenarioRecord.FaultRecord;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults in effect, newest last. Injecting writes the undo record to the ledger before the fault
 * takes effect; rolling back undoes newest first and marks each record undone only once it is.
 * Thread-safe: the run's thread injects, and a signal or shutdown hook may roll back.
 */
final class ActiveFaults {
    private final Ledger ledger;
    private final Timeline timeline;
    private final RunContext context;
    private final Deque<Active> active = new ArrayDeque<>();
    private final List<FaultRecord> records = new ArrayList<>();
    /** Held while a fault is registered and applied, so that {@link #stopAndRollbackAll()} never races an apply. */
    private final java.util.concurrent.locks.ReentrantLock applying = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean stopped;

    private static final class Active {
        final FaultSpec spec;
        final Fault fault;
        final long seq;
        final int recordIndex;

        Active(FaultSpec spec, Fault fault, long seq, int recordIndex) {
            this.spec = spec;
            this.fault = fault;
            this.seq = seq;
            this.recordIndex = recordIndex;
        }
    }

    ActiveFaults(Ledger ledger, Timeline timeline, RunContext context) {
        this.ledger = ledger;
        this.timeline = timeline;
        this.context = context;
    }

    /**
     * Prepares, records and applies a fault; returns its record. Throws if it could not take effect, and
     * {@link InterruptedException} once {@link #stopAndRollbackAll()} has been called: then nothing is injected.
     */
    FaultRecord inject(Injector injector, FaultSpec spec) throws Exception {
        Fault fault = injector.prepare(spec, context);
        applying.lock();
        try {
            if (stopped) throw new InterruptedException("the scenario was aborted; " + spec + " was not injected");
            return registerAndApply(spec, fault);
        } finally {
            applying.unlock();
        }
    }

    /**
     * For an abort, from another thread: no fault may be injected from now on; a fault being applied right
     * now is let finish, then every fault is rolled back, newest first.
     */
    List<FaultRecord> stopAndRollbackAll() {
        applying.lock();
        try {
            stopped = true;
        } finally {
            applying.unlock();
        }
        return rollbackAll();
    }

    private FaultRecord registerAndApply(FaultSpec spec, Fault fault) throws Exception {
        long seq = ledger.open("fault", spec.toString(), fault.undoRecord());
        int index;
        synchronized (this) {
            index = records.size();
            records.add(null);
            // Registered before apply(): a fault that half took effect is still rolled back.
            active.push(new Active(spec, fault, seq, index));
        }
        long started = timeline.now();
        try {
            fault.apply();
        } catch (Exception e) {
            set(index, new FaultRecord(spec.toString(), spec.type(), spec.target(), started, -1, -1,
                    safeDetails(fault), ConditionMonitor.describe(e), null));
            throw e;
        }
        long injected = timeline.now();
        FaultRecord record = new FaultRecord(spec.toString(), spec.type(), spec.target(), started, injected, -1,
                safeDetails(fault), null, null);
        set(index, record);
        return record;
    }

    private synchronized void set(int index, FaultRecord record) {
        records.set(index, record);
    }

    private static Map<String, Object> safeDetails(Fault fault) {
        try {
            return new LinkedHashMap<>(fault.details());
        } catch (RuntimeException e) {
            return Map.of("details_error", ConditionMonitor.describe(e));
        }
    }

    /**
     * Rolls back every active fault, newest first. Returns the rolled-back records in that order. The
     * ledger is told once every fault is out of effect: each record's fsync would otherwise delay the next
     * fault's rollback by milliseconds. A record left open by a crash in between is undone again on replay,
     * which is harmless (undo records are idempotent).
     */
    List<FaultRecord> rollbackAll() {
        List<FaultRecord> done = new ArrayList<>();
        List<Long> undone = new ArrayList<>();
        try {
            while (true) {
                Active a;
                synchronized (this) {
                    a = active.poll();
                }
                if (a == null) return done;
                done.add(rollback(a, undone));
            }
        } finally {
            for (long seq : undone) markUndone(ledger, context, seq);
        }
    }

    /**
     * Marks a record undone. A ledger that cannot be written is recorded as an event, not thrown: what it describes
     * is undone, only the bookkeeping failed (a replay would undo it again), and the rest must still be undone.
     */
    static void markUndone(Ledger ledger, RunContext context, long seq) {
        try {
            ledger.undone(seq);
        } catch (RuntimeException e) {
            context.event("ledger-error", Map.of("seq", seq, "error", ConditionMonitor.describe(e)));
        }
    }

    /** {@code rolledBackNanos} is when the fault's rollback returned: from then on it no longer acts. */
    private FaultRecord rollback(Active a, List<Long> undone) {
        String error = null;
        try {
            a.fault.rollback();
            undone.add(a.seq);
        } catch (Exception | LinkageError e) {
            error = ConditionMonitor.describe(e);
        }
        long at = timeline.now();
        synchronized (this) {
            FaultRecord r = records.get(a.recordIndex);
            if (r == null) {
                r = new FaultRecord(a.spec.toString(), a.spec.type(), a.spec.target(), -1, -1, -1, Map.of(), null, null);
            }
            FaultRecord updated = new FaultRecord(r.fault(), r.type(), r.target(), r.applyStartedNanos(),
                    r.injectedNanos(), at, safeDetails(a.fault), r.error(), error);
            records.set(a.recordIndex, updated);
            return updated;
        }
    }

    synchronized boolean isEmpty() {
        return active.isEmpty();
    }

    synchronized List<FaultRecord> records() {
        return records.stream().filter(java.util.Objects::nonNull).toList();
    }
}
