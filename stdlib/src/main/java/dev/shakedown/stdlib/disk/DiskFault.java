package dev.shakedown.stdlib.disk;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One fill file: allocated by {@link #apply()}, deleted by {@link #rollback()}, which also checks the space came back. */
final class DiskFault implements Fault {
    /** How long freed space may take to show in statvfs (XFS and btrfs release blocks in the background). */
    private static final long RELEASE_WAIT_NANOS = 5_000_000_000L;
    /** Share of the fill that must show as free again: the rest may be taken by writers resuming meanwhile. */
    private static final double RETURNED = 0.9;

    private final Path file;
    private final long bytes;
    private final Space before;
    private final boolean root = LibC.root();
    private final Map<String, Object> details = new LinkedHashMap<>();

    DiskFault(Path file, long bytes, Space before) {
        this.file = file;
        this.bytes = bytes;
        this.before = before;
        details.put("file", file.toString());
        details.put("bytes", bytes);
        details.put("filesystem", before.filesystem());
        details.put("total_bytes", before.total());
        details.put("free_before", before.free());
        details.put("used_before", DiskInjector.percent(before.usedFraction()));
    }

    Path file() {
        return file;
    }

    @Override
    public UndoRecord undoRecord() {
        return new UndoRecord("delete-file", Map.of("path", file.toString(), "size", bytes), "rm " + file);
    }

    @Override
    public void apply() throws IOException {
        FillFile.Method method = FillFile.create(file, bytes);
        Space after = Space.of(file.getParent(), root);
        synchronized (details) {
            details.put("method", method.name().toLowerCase());
            details.put("free_after", after.free());
            details.put("used_after", DiskInjector.percent(after.usedFraction()));
        }
    }

    @Override
    public void rollback() throws IOException, InterruptedException {
        if (!Files.exists(file)) return; // apply failed and removed its partial file, or never ran
        long full = Space.of(file.getParent(), root).free();
        Files.delete(file);
        long deadline = System.nanoTime() + RELEASE_WAIT_NANOS;
        long back;
        while ((back = Space.of(file.getParent(), root).free() - full) < RETURNED * bytes) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("disk: deleted " + file + " but only " + new ByteSize(Math.max(0, back)) + " of "
                        + new ByteSize(bytes) + " came back (is the file still held open by a process?)");
            }
            Thread.sleep(10); // polling statvfs; there is no notification for freed blocks
        }
        synchronized (details) {
            details.put("free_after_rollback", full + back);
        }
    }

    @Override
    public Map<String, Object> details() {
        synchronized (details) {
            return new LinkedHashMap<>(details);
        }
    }
}
