package dev.shakedown.stdlib.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.shakedown.engine.spi.RunContext;

/** Delivers signals with kill(2) through JNA, after the run's safety rails have approved the PID. */
public final class Signals {
    private static final int EPERM = 1;
    private static final int ESRCH = 3;

    private interface LibC extends Library {
        int kill(int pid, int signal) throws LastErrorException;
    }

    private static final LibC LIBC = Native.load("c", LibC.class);

    private Signals() {}

    /**
     * Loads libc now. Loading it takes milliseconds, which must not fall inside an inject step: a kill
     * is delivered within a few milliseconds of the step's start only if the library is already there.
     */
    public static void load() {
        LIBC.hashCode();
    }

    /** Sends {@code signal} to {@code pid}; refuses PID 1, the engine and its parent; fails with errno explained. */
    public static void send(RunContext run, long pid, Signal signal) {
        run.checkSignalAllowed(pid);
        try {
            LIBC.kill(Math.toIntExact(pid), signal.number());
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot send " + signal + " to PID " + pid + ": " + explain(e.getErrorCode()));
        }
    }

    /**
     * Sends {@code signal} to a process of a dead run that the ledger names, whose start time the caller has
     * just matched against the record (so the PID is not a reused one). Still refuses PID 1 and this process.
     */
    public static void sendToRecorded(long pid, Signal signal) {
        if (pid <= 1 || pid == ProcessHandle.current().pid()) throw new IllegalStateException("refusing to signal PID " + pid);
        try {
            LIBC.kill(Math.toIntExact(pid), signal.number());
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ESRCH) return;
            throw new IllegalStateException("cannot send " + signal + " to PID " + pid + ": " + explain(e.getErrorCode()));
        }
    }

    private static String explain(int errno) {
        return switch (errno) {
            case ESRCH -> "no such process (it has exited)";
            case EPERM -> "not permitted (the process belongs to another user; run Shakedown as that user or as root)";
            default -> "kill(2) failed with errno " + errno;
        };
    }
}
