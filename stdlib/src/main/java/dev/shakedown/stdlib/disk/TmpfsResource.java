package dev.shakedown.stdlib.disk;

import com.sun.jna.LastErrorException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tmpfs mounted with {@code mount(2)} for the run. Mounting needs root; without it (or when the mount
 * fails) the resource still provides the directory, so the rest of the system starts and the other
 * scenarios run, and says why in its details — a disk fault with {@code dedicatedOnly: true} then sees that
 * the directory is not on a filesystem of the run and is skipped rather than filling the real disk.
 */
final class TmpfsResource implements Resource {
    private final String name;
    private final Path path;
    private final ByteSize size;
    private final RunContext run;
    private volatile boolean mounted;
    private volatile String notMounted;

    TmpfsResource(String name, Path path, ByteSize size, RunContext run) {
        this.name = name;
        this.path = path;
        this.size = size;
        this.run = run;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(path);
        if (!LibC.root()) {
            notMounted = "mounting a tmpfs needs root; " + path + " is a plain directory on the filesystem below";
            return;
        }
        try {
            LibC.C.mount("shakedown-" + name, path.toString(), "tmpfs", LibC.MS_NOSUID | LibC.MS_NODEV,
                    "size=" + size.bytes() + ",mode=0755");
            mounted = true;
        } catch (LastErrorException e) {
            notMounted = "mount -t tmpfs at " + path + " failed: " + LibC.explain(e) + "; it is a plain directory";
        }
    }

    @Override
    public UndoRecord undoRecord() {
        return mounted ? new UndoRecord("unmount", Map.of("path", path.toString()), "umount " + path)
                : UndoRecord.nothing("nothing was mounted at " + path);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", path.toString());
        details.put("size", size.bytes());
        details.put("mounted", mounted);
        if (notMounted != null) details.put("not_mounted", notMounted);
        return details;
    }

    /** Unmounts; lazily (MNT_DETACH) if something still holds a file there, so the mount never outlives the run. */
    @Override
    public void close() {
        if (!mounted) return;
        try {
            LibC.C.umount2(path.toString(), 0);
        } catch (LastErrorException busy) {
            try {
                LibC.C.umount2(path.toString(), LibC.MNT_DETACH);
            } catch (LastErrorException e) {
                // close() never throws: the event on the timeline says what is left to do
                run.event("unmount-failed", Map.of("path", path.toString(), "error", LibC.explain(e)));
                return;
            }
        }
        mounted = false;
    }

    @Override
    public String toString() {
        return "tmpfs '" + name + "' at " + path;
    }
}
