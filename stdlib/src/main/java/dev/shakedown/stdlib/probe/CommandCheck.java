package dev.shakedown.stdlib.probe;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.stdlib.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * A command run as a check ({@code command('pg_isready -h db').exitCode == 0}): run once, on the first
 * read, with a timeout; its exit code and its output (stdout and stderr together) are kept.
 */
public final class CommandCheck {
    private final List<String> command;
    private final Duration timeout;
    private Integer exitCode;
    private String output;
    private RuntimeException failure;

    CommandCheck(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    /** The exit code; throws if the command could not be run or did not finish within the timeout. */
    public int getExitCode() {
        run();
        return exitCode;
    }

    public String getOutput() {
        run();
        return output;
    }

    private synchronized void run() {
        if (exitCode == null && failure == null) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
            DefaultExecutor executor = DefaultExecutor.builder()
                    .setExecuteStreamHandler(new PumpStreamHandler(captured))
                    .get();
            executor.setWatchdog(watchdog);
            executor.setExitValues(null); // every exit code is an answer to the check, none is an error
            try {
                int code = executor.execute(CommandLines.toCommandLine(command));
                if (watchdog.killedProcess()) {
                    failure = new IllegalStateException(this + " did not finish within " + Durations.format(timeout));
                } else {
                    exitCode = code;
                    output = captured.toString(Charset.defaultCharset());
                }
            } catch (IOException e) {
                failure = new UncheckedIOException(this + " could not be run: " + e.getMessage(), e);
            }
        }
        if (failure != null) throw failure;
    }

    @Override
    public String toString() {
        return "command '" + String.join(" ", command) + "'";
    }
}
