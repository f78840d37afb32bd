package dev.shakedown.stdlib.host;

import dev.shakedown.engine.spi.RunContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A running helper process. It reports progress as lines on its stdout; {@link #awaitLine} waits for the
 * one that says it has reached its goal. {@link #stop()} kills it and marks its ledger record undone.
 */
public final class Helper {
    /** Put on the queue when stdout ends, so a waiter learns at once that the helper is gone. */
    private static final String END = new String("end of output");

    private final String what;
    private final Process process;
    private final String token;
    private final Path log;
    private final RunContext run;
    private final long ledgerSeq;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile String lastLine = "";
    private boolean stopped;

    Helper(String what, Process process, String token, Path log, RunContext run, long ledgerSeq) {
        this.what = what;
        this.process = process;
        this.token = token;
        this.log = log;
        this.run = run;
        this.ledgerSeq = ledgerSeq;
        Thread reader = new Thread(this::readOutput, what + " output");
        reader.setDaemon(true);
        reader.start();
    }

    public long pid() {
        return process.pid();
    }

    public String token() {
        return token;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The most recent progress line, e.g. {@code allocated 536870912}. */
    public String lastLine() {
        return lastLine;
    }

    /** Waits for a progress line matching {@code goal}; fails at once if the helper exits first. */
    public String awaitLine(Predicate<String> goal, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException(what + " (PID " + pid() + ") did not get there within " + timeout.toMillis()
                        + " ms; its last report: '" + lastLine + "'");
            }
            if (line == END) {
                process.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException(what + " (PID " + pid() + ") ended early"
                        + (process.isAlive() ? "" : " with exit code " + process.exitValue()) + logTail());
            }
            if (goal.test(line)) return line;
        }
    }

    /** Kills the helper (it holds nothing that needs a graceful end), waits for it, and closes its ledger record. */
    public synchronized void stop() throws InterruptedException {
        if (stopped) return;
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + " (PID " + pid() + ") did not exit after SIGKILL");
        }
        stopped = true;
        run.ledgerUndone(ledgerSeq);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lastLine = line;
                lines.add(line);
            }
        } catch (IOException e) {
            // the helper is gone; waiters learn so from END
        } finally {
            lines.add(END);
        }
    }

    private String logTail() {
        try {
            List<String> all = Files.readAllLines(log);
            return all.isEmpty() ? "" : "; its log ends: " + String.join(" | ", all.subList(Math.max(0, all.size() - 5), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return what + " (PID " + pid() + ")";
    }
}
