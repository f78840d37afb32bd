package dev.shakedown.stdlib.host;

import dev.shakedown.engine.spi.UndoAction;
import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.process.Signal;
import dev.shakedown.stdlib.process.Signals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Replays {@code kill-helper}: every process whose command line carries the record's token (a random
 * UUID no other process has) is ended, SIGTERM then SIGKILL.
 */
public final class KillHelperUndo implements UndoAction {
    @Override
    public String action() {
        return HelperLauncher.UNDO_ACTION;
    }

    @Override
    public Outcome undo(Map<String, Object> data) {
        String token = UndoAction.text(data, "token");
        if (token.length() < 16) throw new IllegalArgumentException("the helper token '" + token + "' is too short to be unique");
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> helpers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && carries(p, token)).toList();
        if (helpers.isEmpty()) return Outcome.done("no helper carrying " + token + " is left");
        for (ProcessHandle helper : helpers) {
            Signals.sendToRecorded(helper.pid(), Signal.CONT);
            ProcessHandles.stopForeignTree(helper, Duration.ofSeconds(3));
        }
        List<Long> alive = helpers.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        if (!alive.isEmpty()) return Outcome.failed("helper PID " + alive + " survived SIGKILL");
        return Outcome.done("ended helper PID " + helpers.stream().map(ProcessHandle::pid).toList());
    }

    /** Reads /proc/PID/cmdline itself: ProcessHandle.Info may leave the arguments out. */
    private static boolean carries(ProcessHandle process, String token) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(token);
        } catch (Exception gone) {
            return process.info().commandLine().map(c -> c.contains(token)).orElse(false);
        }
    }
}
