package dev.shakedown.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A main class of this module run as a real child process, as the engine runs the demo system. */
final class ChildJvm implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                // the child is gone; awaitLine reports what it did not print
            }
        }, "stdout-of-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line the child prints, which must start with {@code prefix}; its rest. */
    String awaitLine(String prefix) throws InterruptedException {
        String line = lines.poll(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no '" + prefix + "' line from " + process.info().commandLine().orElse("child")
                    + " within " + STARTUP + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
        }
        if (!line.startsWith(prefix)) throw new AssertionError("expected '" + prefix + "...', got '" + line + "'");
        return line.substring(prefix.length());
    }

    /** Waits for {@code ready <port>} and returns the port. */
    int awaitReady() throws InterruptedException {
        return Integer.parseInt(awaitLine("ready "));
    }

    Process process() {
        return process;
    }

    /** SIGKILL, and wait until the process is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
