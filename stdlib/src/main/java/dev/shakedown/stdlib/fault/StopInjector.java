package dev.shakedown.stdlib.fault;

import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.process.ProcessResource;
import dev.shakedown.stdlib.process.Signal;
import dev.shakedown.stdlib.process.Signals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code stop('guardian')}: SIGSTOP freezes the process (a hung service); SIGCONT thaws it. */
public final class StopInjector extends SignalInjector {
    public StopInjector() {
        super("stop", Signal.STOP, "SIGSTOP a process (it hangs, holding its sockets); recover sends SIGCONT");
    }

    @Override
    protected String recoveryNote() {
        return "recover sends SIGCONT";
    }

    /** One target: {pid, startTime}; several (attached with all: true): {processes: [{pid, startTime}, ...]}. */
    @Override
    protected UndoRecord undoRecord(List<ProcessHandle> targets) {
        List<Map<String, Object>> identities = targets.stream().map(StopInjector::identity).toList();
        Map<String, Object> data = identities.size() == 1 ? identities.get(0) : Map.of("processes", identities);
        String pids = targets.stream().map(t -> String.valueOf(t.pid())).collect(Collectors.joining(" "));
        return new UndoRecord("sigcont", data, "kill -CONT " + pids);
    }

    private static Map<String, Object> identity(ProcessHandle target) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("pid", target.pid());
        ProcessHandles.startMillis(target).ifPresent(t -> identity.put("startTime", t));
        return identity;
    }

    /** Thaws every target still there; one that died while frozen (SIGKILL still works) needs nothing. */
    @Override
    protected void recover(ProcessResource process, List<ProcessHandle> targets, RunContext run,
                           Map<String, Object> details) {
        targets.stream().filter(ProcessHandle::isAlive).forEach(target -> Signals.send(run, target.pid(), Signal.CONT));
    }
}
