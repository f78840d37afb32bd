package dev.shakedown.stdlib.process;

import dev.shakedown.engine.spi.UndoAction;
import java.util.Map;
import java.util.Optional;

/** A process a ledger record names by PID and start time; found only while both still match. */
public final class RecordedProcess {
    private RecordedProcess() {}

    /**
     * The live process the record names, or empty when the PID has exited or now names another process
     * (its start time differs). A record without a start time never matches: a PID alone may be reused.
     */
    public static Optional<ProcessHandle> find(Map<String, Object> data) {
        Long pid = UndoAction.number(data, "pid");
        Long start = UndoAction.number(data, "startTime");
        if (pid == null) throw new IllegalArgumentException("the undo record has no pid");
        if (start == null) throw new IllegalArgumentException("the undo record has no start time for PID " + pid
                + ", so a reused PID cannot be told apart");
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> ProcessHandles.startMillis(h).map(s -> Math.abs(s - start) <= 10).orElse(false));
    }
}
