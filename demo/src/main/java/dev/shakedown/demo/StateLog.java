package dev.shakedown.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The gateway's current state and the event log of its switches: the ground truth that a chaos engine's measured
 * fail-closed activation is compared with. One JSON line per switch, written the instant it happens:
 * <pre>{"time":"2025-01-02T03:04:05.123456Z","epochMicros":1735787045123456,"state":"fail-closed","reason":"guardian-unreachable"}</pre>
 */
final class StateLog implements AutoCloseable {

    /** {@code ok}, {@code fail-closed} with its reason, or {@code fail-open}: served although the guardian failed. */
    record State(String name, Reason reason) {
        static final State OK = new State("ok", null);

        static State failClosed(Reason reason) {
            return new State("fail-closed", reason);
        }

        static State failOpen(Reason reason) {
            return new State("fail-open", reason);
        }
    }

    // unbuffered: each line reaches the file (and any reader) with its own write, nothing waits in memory
    private final OutputStream out;
    private State current;
    private long lastOutcomeMicros = Long.MIN_VALUE;
    private boolean closed;

    StateLog(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Records the outcome the caller has just decided; writes a line if it differs from the current state. */
    void record(State outcome) {
        // the time is taken before waiting for the lock: it is when the gateway decided, not when it got its turn
        Instant at = Instant.now();
        long micros = Json.epochMicros(at);
        synchronized (this) {
            // a request that decided earlier but arrives later must not undo a newer outcome: the state is that of
            // the most recent decision, whatever order the threads reach this lock in
            if (closed || micros < lastOutcomeMicros) return;
            lastOutcomeMicros = micros;
            if (outcome.equals(current)) return;
            current = outcome;
            write(at, micros, outcome);
        }
    }

    private void write(Instant at, long micros, State state) {
        String line = "{\"time\":" + Json.quote(Json.time(at))
                + ",\"epochMicros\":" + micros
                + ",\"state\":" + Json.quote(state.name())
                + ",\"reason\":" + Json.quote(state.reason() == null ? null : state.reason().wire()) + "}\n";
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the gateway keeps serving (or refusing) correctly; only the record of it is incomplete, so say so
            System.err.println("gateway: could not write event log line " + line.trim() + ": " + e);
        }
    }

    /** Stops recording: outcomes of requests cut short by shutting the gateway down are not switches. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        out.close();
    }
}
