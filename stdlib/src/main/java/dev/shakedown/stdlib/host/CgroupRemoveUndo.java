package dev.shakedown.stdlib.host;

import dev.shakedown.engine.spi.UndoAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Replays {@code cgroup-remove}: the processes in the memory-limited group go back, then the group goes. */
public final class CgroupRemoveUndo implements UndoAction {
    @Override
    public String action() {
        return CgroupLimitFault.UNDO_ACTION;
    }

    @Override
    public Outcome undo(Map<String, Object> data) throws IOException {
        Path group = Path.of(UndoAction.text(data, "path"));
        Path restoreTo = Path.of(UndoAction.text(data, "restoreTo"));
        if (!Files.isDirectory(group)) return Outcome.done(group + " is gone");
        for (long pid : MemoryCgroups.members(group)) {
            try {
                MemoryCgroups.move(pid, restoreTo);
            } catch (IOException e) {
                if (ProcessHandle.of(pid).isPresent()) throw e;
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Files.deleteIfExists(group);
                return Outcome.done("removed " + group);
            } catch (IOException e) {
                if (attempt >= 40) throw new IOException("cannot remove " + group + ": " + e.getMessage(), e);
                LockSupport.parkNanos(50_000_000);
            }
        }
    }
}
