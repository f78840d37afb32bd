package dev.shakedown.stdlib.process;

import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process the run launches, owns and stops. Its stdout and stderr are appended to
 * {@code <runDir>/logs/<name>.log}, across restarts.
 */
public final class LaunchedProcess extends ProcessResource {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** When the run was interrupted someone waits for the exit: a slow SIGTERM handler gets this long. */
    private static final Duration INTERRUPTED_STOP_GRACE = Duration.ofSeconds(1);
    private static final long NO_RECORD = -1;
    private static final List<LaunchPreparation> PREPARATIONS = ServiceLoader.load(LaunchPreparation.class,
            LaunchPreparation.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private final LaunchOptions options;
    private final RunContext run;
    private final Path log;
    private final Readiness readiness;
    private volatile Process process;
    private volatile int restarts;
    private volatile boolean closed;
    /** The ledger record of the process a restart launched; the engine keeps the one of the first launch. */
    private final AtomicLong restartRecord = new AtomicLong(NO_RECORD);

    LaunchedProcess(String name, LaunchOptions options, RunContext run) {
        super(name);
        this.options = options.inRunDirectory(run.runDirectory());
        this.run = run;
        this.log = run.runDirectory().resolve("logs").resolve(name + ".log");
        this.readiness = new Readiness(name, this.options, log);
    }

    @Override
    public synchronized void start() throws Exception {
        long began = System.nanoTime();
        launch();
        awaitReady();
        Map<String, Object> event = facts();
        event.put("readyAfterMillis", (System.nanoTime() - began) / 1_000_000);
        run.event("process-started", event);
    }

    @Override
    public synchronized void restart() throws Exception {
        long previousPid = pid();
        stopCurrent();
        launch();
        // Recorded before the wait for readiness: should the engine die during it, replay stops this process.
        restartRecord.set(run.ledgerOpen(this + " restarted", undoRecord()));
        awaitReady();
        restarts++;
        Map<String, Object> event = facts();
        event.put("previousPid", previousPid);
        event.put("restarts", restarts);
        run.event("process-restarted", event);
    }

    private void launch() throws IOException {
        Files.createDirectories(log.getParent());
        for (Path dir : options.mkdirs()) Files.createDirectories(dir);
        // ProcessBuilder, not commons-exec: output goes straight to the file (no pump threads, it outlives an
        // engine death) and the Process gives the PID and start time the ledger needs.
        ProcessBuilder builder = new ProcessBuilder(options.command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        options.directory().ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().putAll(options.env());
        for (LaunchPreparation preparation : PREPARATIONS) preparation.prepare(name(), options, run, builder.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(this + " could not be launched: " + e.getMessage(), e);
        }
        process.getOutputStream().close(); // stdin at end-of-file: a process that reads it never waits on us
        // close() may have run while we launched (the engine shutting down during a restart): it must win.
        if (closed) {
            stopCurrent();
            throw new IllegalStateException(this + " was closed while it was being launched");
        }
    }

    private void awaitReady() throws Exception {
        try {
            readiness.await(process);
        } catch (Exception e) {
            stopCurrent();
            throw e;
        }
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", name());
        facts.put("pid", process.pid());
        ProcessHandles.startMillis(process.toHandle()).ifPresent(t -> facts.put("startTime", t));
        return facts;
    }

    @Override
    public List<ProcessHandle> handles() {
        Process current = process;
        return current == null ? List.of() : List.of(current.toHandle());
    }

    @Override
    public boolean isLaunched() {
        return true;
    }

    @Override
    public int restarts() {
        return restarts;
    }

    public Path log() {
        return log;
    }

    /** Names the current PID, so it reflects the latest (re)start; before the launch there is nothing to undo. */
    @Override
    public UndoRecord undoRecord() {
        Process current = process;
        if (current == null) return UndoRecord.nothing(this + " has not been launched yet");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pid", current.pid());
        ProcessHandles.startMillis(current.toHandle()).ifPresent(t -> data.put("startTime", t));
        data.put("command", options.commandLine());
        return new UndoRecord("kill-process", data,
                "kill PID " + current.pid() + " if it is still " + options.commandLine());
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = super.details();
        options.port().ifPresent(port -> details.put("port", port));
        details.put("log", log.toString());
        return details;
    }

    /**
     * SIGTERM to the process and its descendants, SIGKILL after five seconds (one if the run was interrupted).
     * Never throws.
     */
    @Override
    public void close() {
        closed = true;
        stopCurrent();
    }

    private void stopCurrent() {
        Process current = process;
        if (current == null) return;
        try {
            ProcessHandles.stopTree(current.toHandle(), run.isInterrupted() ? INTERRUPTED_STOP_GRACE : STOP_GRACE);
        } catch (InterruptedException e) {
            current.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            current.destroyForcibly();
        }
        long record = restartRecord.getAndSet(NO_RECORD);
        if (record == NO_RECORD) return;
        try {
            run.ledgerUndone(record);
        } catch (RuntimeException e) {
            // The record stays open; replay finds its PID gone (start time differs) and does nothing.
        }
    }
}
