package dev.shakedown.stdlib.process;

import dev.shakedown.engine.spi.UndoAction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Replays {@code kill-process}: a process a dead run launched gets SIGTERM, then SIGKILL, if it is still that process. */
public final class KillProcessUndo implements UndoAction {
    @Override
    public String action() {
        return "kill-process";
    }

    @Override
    public Outcome undo(Map<String, Object> data) {
        Optional<ProcessHandle> process = RecordedProcess.find(data);
        if (process.isEmpty()) return Outcome.done("PID " + data.get("pid") + " is gone (or is another process now)");
        Signals.sendToRecorded(process.get().pid(), Signal.CONT); // a stopped process cannot act on SIGTERM
        ProcessHandles.stopForeignTree(process.get(), Duration.ofSeconds(5));
        if (process.get().isAlive()) return Outcome.failed("PID " + process.get().pid() + " survived SIGKILL");
        return Outcome.done("killed PID " + process.get().pid());
    }
}
