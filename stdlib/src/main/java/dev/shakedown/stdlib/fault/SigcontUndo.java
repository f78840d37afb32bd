package dev.shakedown.stdlib.fault;

import dev.shakedown.engine.spi.UndoAction;
import dev.shakedown.stdlib.process.RecordedProcess;
import dev.shakedown.stdlib.process.Signal;
import dev.shakedown.stdlib.process.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replays {@code sigcont}: every stopped process the record names, still the same process, gets SIGCONT. */
public final class SigcontUndo implements UndoAction {
    @Override
    public String action() {
        return "sigcont";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome undo(Map<String, Object> data) {
        List<Map<String, Object>> processes = data.get("processes") instanceof List<?> list
                ? (List<Map<String, Object>>) list : List.of(data);
        List<Long> resumed = new ArrayList<>();
        for (Map<String, Object> process : processes) {
            RecordedProcess.find(process).ifPresent(handle -> {
                Signals.sendToRecorded(handle.pid(), Signal.CONT);
                resumed.add(handle.pid());
            });
        }
        return Outcome.done(resumed.isEmpty() ? "no process left to resume" : "SIGCONT to PID " + resumed);
    }
}
