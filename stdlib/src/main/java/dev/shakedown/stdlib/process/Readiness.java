package dev.shakedown.stdlib.process;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.spi.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits until a launched process is ready: its port accepts TCP connections and its ready condition
 * holds (each only if given). Fails at once if the process exits, and after the startup timeout
 * otherwise, naming the process, its port and the end of its log.
 */
final class Readiness {
    private static final long POLL_MILLIS = 20;
    private static final int CONNECT_TIMEOUT_MILLIS = 250;

    private final String name;
    private final LaunchOptions options;
    private final Path log;

    Readiness(String name, LaunchOptions options, Path log) {
        this.name = name;
        this.options = options;
        this.log = log;
    }

    void await(Process process) throws InterruptedException {
        long deadline = System.nanoTime() + options.startupTimeout().toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("process '" + name + "' (PID " + process.pid() + ") exited with code "
                        + process.exitValue() + " before it was ready" + portNote() + "; " + LogTail.of(log));
            }
            Optional<String> notReady = whyNotReady();
            if (notReady.isEmpty()) return;
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("process '" + name + "' (PID " + process.pid() + ") was not ready within "
                        + Durations.format(options.startupTimeout()) + ": " + notReady.get() + "; " + LogTail.of(log));
            }
            pauseUnlessExited(process);
        }
    }

    private Optional<String> whyNotReady() {
        OptionalInt port = options.port();
        if (port.isPresent() && !accepts(port.getAsInt())) {
            return Optional.of("127.0.0.1:" + port.getAsInt() + " does not accept connections");
        }
        return options.ready().flatMap(Readiness::whyFalse);
    }

    private static Optional<String> whyFalse(Probe ready) {
        try {
            return ready.test() ? Optional.empty() : Optional.of("its ready condition is false");
        } catch (Exception e) {
            return Optional.of("its ready condition failed: " + e.getMessage());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waiting on the exit future doubles as the pause between checks and ends it early when the process dies. */
    private static void pauseUnlessExited(Process process) throws InterruptedException {
        try {
            process.onExit().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still running (or its exit could not be observed): check again
        }
    }

    private String portNote() {
        return options.port().isPresent() ? " on port " + options.port().getAsInt() : "";
    }
}
