package dev.shakedown.stdlib.fault;

import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.process.ProcessResource;
import dev.shakedown.stdlib.process.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A signal that ends the process. Recovery restarts a process the run launched, once it has exited, unless
 * the run was interrupted (it then stops that process anyway); a process the run merely attached to is left
 * for its owner (its supervisor, systemd, a person).
 */
abstract class TerminatingSignalInjector extends SignalInjector {
    /** Long enough for a process to finish its SIGTERM handler, short enough not to stall the recovery. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    TerminatingSignalInjector(String name, Signal signal, String summary) {
        super(name, signal, summary);
    }

    @Override
    protected String recoveryNote() {
        return "recover restarts it if the run launched it";
    }

    @Override
    protected UndoRecord undoRecord(List<ProcessHandle> targets) {
        return UndoRecord.nothing("replay does not restart a killed process; "
                + "the run's own kill-process record stops one it launched");
    }

    @Override
    protected void recover(ProcessResource process, List<ProcessHandle> targets, RunContext run,
                           Map<String, Object> details) throws Exception {
        if (!process.isLaunched()) return;
        if (!run.isInterrupted()) {
            try {
                ProcessHandles.awaitExit(targets, EXIT_WAIT);
                if (process.isAlive()) return;
                process.restart();
                details.put("restartedPid", process.pid());
                return;
            } catch (InterruptedException e) {
                // The signal came during the restart (a recover step): what was started is stopped with the rest.
                if (!run.isInterrupted()) throw e;
            }
        }
        details.put("restart", "none: the run was interrupted and stops the processes it launched");
    }
}
