package dev.shakedown.stdlib.host;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * One burner thread's loop: in each short period it spins until the CPU time it has really obtained since
 * it began reaches {@code load} of the wall time elapsed, then parks until the next period. Counting
 * obtained CPU time (not wall time spent spinning) is what keeps the load right when other processes
 * compete for the core: time the scheduler took away is owed and made up in the following periods.
 */
final class DutyCycle implements Runnable {
    static final long PERIOD_NANOS = 20_000_000;
    /** How far behind a thread may fall before the rest is forgiven, so a long stall ends in no burst. */
    private static final long MAX_DEBT_NANOS = 5 * PERIOD_NANOS;

    private final double load;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    DutyCycle(double load) {
        if (!(load > 0 && load <= 1)) throw new IllegalArgumentException("load is a share in (0, 1], not " + load);
        this.load = load;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long cpuBase = threads.getCurrentThreadCpuTime();
        long periodEnd = start;
        while (!Thread.currentThread().isInterrupted()) {
            periodEnd += PERIOD_NANOS;
            long due = (long) (load * (periodEnd - start));
            long obtained = threads.getCurrentThreadCpuTime() - cpuBase;
            long owed = due - obtained;
            long tooMuch = owed - (long) (load * PERIOD_NANOS) - MAX_DEBT_NANOS;
            if (tooMuch > 0) cpuBase -= tooMuch; // forgive what cannot be made up quickly
            long target = due + cpuBase;
            while (threads.getCurrentThreadCpuTime() < target && System.nanoTime() < periodEnd) {
                Thread.onSpinWait();
            }
            long now = System.nanoTime();
            if (now < periodEnd) LockSupport.parkNanos(periodEnd - now);
            else if (now - periodEnd > MAX_DEBT_NANOS) periodEnd = now; // the thread was held off for long: restart the clock here
        }
    }
}
