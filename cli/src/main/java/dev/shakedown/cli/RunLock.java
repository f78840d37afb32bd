package dev.shakedown.cli;

import dev.shakedown.engine.ledger.OwnerOnly;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One experiment at a time per host and per state directory: an OS file lock on {@code <state>/lock} and
 * one on a host-wide file ({@code /run/shakedown.lock}, or {@code /tmp/shakedown-host.lock} where /run is
 * not writable; {@code SHAKEDOWN_HOST_LOCK} names another). Each lock file holds the PID, script and start
 * of the run holding it, for the message of the run that finds it taken. The kernel drops the locks when
 * the holder exits, however it exits, so a crashed run never leaves a stale lock.
 */
final class RunLock implements AutoCloseable {
    /** Exit code of a run that found another one running and did not wait. */
    static final int BUSY = 5;

    private final List<FileChannel> channels = new ArrayList<>();

    /** Thrown when a lock is taken and the caller did not ask to wait. */
    static final class Busy extends Exception {
        Busy(String message) {
            super(message);
        }
    }

    private RunLock() {}

    /** Takes the state directory's lock, then the host's (always in this order, so waiters cannot deadlock). */
    static RunLock acquire(Path stateDir, Path script, boolean wait, PrintWriter err) throws Busy {
        RunLock lock = new RunLock();
        try {
            OwnerOnly.createDirectories(stateDir);
            lock.take(stateDir.resolve("lock"), "state directory " + stateDir, script, wait, err);
            lock.take(hostLockFile(), "this host", script, wait, err);
            return lock;
        } catch (Busy | RuntimeException e) {
            lock.close();
            throw e;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot take the run lock under " + stateDir + ": " + e.getMessage(), e);
        }
    }

    static Path hostLockFile() {
        String override = System.getenv("SHAKEDOWN_HOST_LOCK");
        if (override != null && !override.isBlank()) return Path.of(override);
        Path run = Path.of("/run");
        return Files.isDirectory(run) && Files.isWritable(run)
                ? run.resolve("shakedown.lock") : Path.of(System.getProperty("java.io.tmpdir"), "shakedown-host.lock");
    }

    private void take(Path file, String scope, Path script, boolean wait, PrintWriter err) throws IOException, Busy {
        FileChannel channel = open(file);
        channels.add(channel);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            held = null;
        }
        if (held == null) {
            String holder = describe(file);
            if (!wait) {
                throw new Busy("another experiment is running on " + scope + " (" + holder + "); Shakedown runs one "
                        + "at a time per host and state directory. Add --wait to queue behind it.");
            }
            err.println("waiting: another experiment is running on " + scope + " (" + holder + ")...");
            err.flush();
            held = lockBlocking(channel);
        }
        String owner = "pid=" + ProcessHandle.current().pid() + "\nscript=" + script.toAbsolutePath().normalize()
                + "\nsince=" + Instant.now() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static FileLock lockBlocking(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException sameJvm) {
                // Held by another run inside this JVM (tests): poll until it is released.
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the run lock", e);
                }
            }
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } finally {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException notOurs) {
                // Another user's host lock, or no POSIX permissions: the lock still works.
            }
        }
    }

    /** "PID 1234, script /x/y.chaos.groovy, since ..." from the holder's lock file, as far as it is readable. */
    static String describe(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String pid = value(lines, "pid").orElse("unknown");
            StringBuilder s = new StringBuilder("PID ").append(pid);
            value(lines, "script").ifPresent(v -> s.append(", script ").append(v));
            value(lines, "since").ifPresent(v -> s.append(", since ").append(v));
            return s.append(", lock ").append(file).toString();
        } catch (IOException e) {
            return "lock " + file;
        }
    }

    private static Optional<String> value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst();
    }

    @Override
    public void close() {
        for (int i = channels.size() - 1; i >= 0; i--) {
            try {
                channels.get(i).close();
            } catch (IOException ignored) {
                // Closing releases the lock; the kernel does it anyway when the process ends.
            }
        }
        channels.clear();
    }
}
