package dev.shakedown.stdlib.host;

import java.time.Instant;
import java.util.Optional;

/**
 * Runs in every helper process: halts the helper once the engine that started it is gone, so a burner
 * or a memory hog never outlives an engine that was SIGKILLed and could not roll back. The parent is
 * named by PID and start time, so a PID reused by another process does not keep the helper alive.
 */
final class DeadMansSwitch {
    /** Well under the promised second, yet cheap: one /proc read per poll. */
    static final long POLL_MILLIS = 150;
    /**
     * Each JVM turns /proc's start ticks into an instant with the boot time it read when it started, and
     * that moves when the wall clock is stepped; a process that reuses the engine's PID starts after the
     * engine died, so it cannot be within this of the engine's start unless the engine lived under a second.
     */
    static final long START_TOLERANCE_MILLIS = 1000;

    private DeadMansSwitch() {}

    static void arm(HelperArguments arguments) {
        Thread watcher = new Thread(() -> watch(arguments.parentPid(), arguments.parentStartMillis()), "dead-mans-switch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(long parentPid, long parentStartMillis) {
        while (parentAlive(parentPid, parentStartMillis)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
        }
        // halt, not exit: no shutdown hook or busy thread may delay the exit.
        Runtime.getRuntime().halt(3);
    }

    static boolean parentAlive(long pid, long startMillis) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) return false;
        Optional<Instant> start = parent.get().info().startInstant();
        return start.isEmpty() || Math.abs(start.get().toEpochMilli() - startMillis) < START_TOLERANCE_MILLIS;
    }
}
