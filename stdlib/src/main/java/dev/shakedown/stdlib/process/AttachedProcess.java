package dev.shakedown.stdlib.process;

import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A process that was running before the run, found by command line or PID file; never stopped or restarted. */
public final class AttachedProcess extends ProcessResource {
    private final AttachOptions options;
    private volatile List<ProcessHandle> handles = List.of();

    AttachedProcess(String name, AttachOptions options) {
        super(name);
        this.options = options;
    }

    @Override
    public void start() throws IOException {
        handles = options.match().isPresent() ? matching(options.match().get()) : List.of(fromPidFile(options.pidFile().get()));
    }

    private List<ProcessHandle> matching(Pattern pattern) {
        List<ProcessHandle> all = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(line -> pattern.matcher(line).find()).orElse(false))
                .sorted(Comparator.comparingLong(ProcessHandle::pid))
                .toList();
        // PID 1, the engine and its parent are never candidates: a fault on them would take the run down.
        List<ProcessHandle> found = all.stream().filter(h -> refusal(h.pid()) == null).toList();
        if (found.isEmpty() && !all.isEmpty()) {
            throw new IllegalStateException("refusing to attach " + this + ": /" + pattern + "/ matches only "
                    + all.stream().map(h -> "PID " + h.pid() + " (" + refusal(h.pid()) + ")").collect(Collectors.joining(", "))
                    + ", which the engine never signals; make the pattern match the process you mean");
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no running process matches /" + pattern + "/ (for " + this + ")");
        }
        if (found.size() > 1 && !options.all()) {
            throw new IllegalStateException(found.size() + " processes match /" + pattern + "/ (for " + this
                    + "); make the pattern narrower, or add all: true to attach to all of them:\n"
                    + found.stream()
                            .map(h -> "    PID " + h.pid() + ": " + ProcessHandles.commandLine(h))
                            .collect(Collectors.joining("\n")));
        }
        return found;
    }

    private ProcessHandle fromPidFile(Path pidFile) throws IOException {
        String text;
        try {
            text = Files.readString(pidFile).trim();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the pidFile " + pidFile + " of " + this + " does not exist");
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the pidFile " + pidFile + " of " + this + " holds '" + text + "', not a PID");
        }
        String refused = refusal(pid);
        if (refused != null) {
            throw new IllegalStateException("refusing to attach " + this + ": the pidFile " + pidFile + " names PID " + pid
                    + " (" + refused + "), which the engine never signals");
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElseThrow(() -> new IllegalStateException(
                "the pidFile " + pidFile + " of " + this + " names PID " + pid + ", which is not running"));
    }

    /** Why the engine must not touch this PID (init, itself, its parent), or null when it may. */
    static String refusal(long pid) {
        ProcessHandle self = ProcessHandle.current();
        if (pid <= 1) return "init";
        if (pid == self.pid()) return "the engine itself";
        if (self.parent().map(p -> p.pid() == pid).orElse(false)) return "the engine's parent";
        return null;
    }

    @Override
    public List<ProcessHandle> handles() {
        return handles;
    }

    @Override
    public boolean isLaunched() {
        return false;
    }

    @Override
    public void restart() {
        throw new IllegalStateException(this + " was attached to, not launched by the run, so it cannot be restarted");
    }

    @Override
    public int restarts() {
        return 0;
    }

    @Override
    public UndoRecord undoRecord() {
        return UndoRecord.nothing(this + " was running before the run and is left as it is");
    }

    /** Leaves the process alone: the run did not start it. */
    @Override
    public void close() {}
}
