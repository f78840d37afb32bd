package dev.shakedown.stdlib.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Facts about processes and ways to end them, on top of {@link ProcessHandle}. */
public final class ProcessHandles {
    private ProcessHandles() {}

    /** Start time in epoch milliseconds: with the PID it names a process even after the PID is reused. */
    public static Optional<Long> startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli);
    }

    public static String commandLine(ProcessHandle handle) {
        return handle.info().commandLine().or(() -> handle.info().command()).orElse("?");
    }

    /** Waits until every process has exited; false if some still run when {@code timeout} is up. */
    public static boolean awaitExit(Collection<ProcessHandle> handles, Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for processes to exit failed", e.getCause());
        }
    }

    /**
     * Like {@link #stopTree}, for processes that are not this JVM's children (a dead run's): their exit is
     * polled every 5 ms, since {@link ProcessHandle#onExit()} polls a non-child with a growing back-off.
     */
    public static void stopForeignTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        if (pollExit(tree, grace)) return;
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        pollExit(tree, grace);
    }

    private static boolean pollExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) return false;
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        return true;
    }

    /**
     * SIGTERM to the process and all its descendants, up to {@code grace} to exit, then SIGKILL to what is
     * left. Uses {@link ProcessHandle#destroy()} because it checks the start time, so a reused PID is never
     * hit, and these are the run's own processes, which the safety rails need not vet.
     */
    public static void stopTree(ProcessHandle root, Duration grace) throws InterruptedException {
        // Descendants are collected first: once the root is gone they are re-parented and no longer found.
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(tree, grace)) return;
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, grace);
    }
}
