package dev.shakedown.stdlib.disk;

import com.sun.jna.LastErrorException;
import dev.shakedown.engine.spi.UndoAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Replays {@code unmount}: the run's tmpfs is unmounted, lazily if something still holds a file on it. */
public final class UnmountUndo implements UndoAction {
    @Override
    public String action() {
        return "unmount";
    }

    @Override
    public Outcome undo(Map<String, Object> data) throws IOException {
        Path path = Path.of(UndoAction.text(data, "path"));
        if (!Files.isDirectory(path) || !isMountPoint(path)) return Outcome.done("nothing is mounted at " + path);
        try {
            LibC.C.umount2(path.toString(), 0);
        } catch (LastErrorException busy) {
            try {
                LibC.C.umount2(path.toString(), LibC.MNT_DETACH);
            } catch (LastErrorException e) {
                return Outcome.failed("umount " + path + " failed: " + LibC.explain(e));
            }
        }
        return Outcome.done("unmounted " + path);
    }

    static boolean isMountPoint(Path path) throws IOException {
        return Mounts.mountPointOf(path).map(point -> {
            try {
                return point.equals(path.toRealPath());
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }
}
