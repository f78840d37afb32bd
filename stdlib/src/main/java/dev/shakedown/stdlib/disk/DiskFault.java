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
    /** Tries at the fill: between measuring and allocating, the system under test keeps writing. */
    private static final int ATTEMPTS = 3;

    private final Path file;
    private final long bytes;
    private final long leaveFree;
    private final Space before;
    private final boolean root = LibC.root();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private volatile long allocated;

    DiskFault(Path file, long bytes, Space before) {
        this.file = file;
        this.bytes = bytes;
        this.leaveFree = before.free() - bytes;
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

    /**
     * Fills to the level decided in prepare. The system under test may write meanwhile (the ledger record is
     * fsynced in between), so the free space is measured again here, and after an ENOSPC: the fill leaves the
     * free space asked for, never more than the amount prepare checked against the cap.
     */
    @Override
    public void apply() throws IOException {
        long size = sizeNow();
        FillFile.Method method;
        for (int attempt = 1; ; attempt++) {
            try {
                if (size <= 0) throw new FillFile.NoSpace("cannot allocate " + file + ": other writers have already used the room to fill");
                method = FillFile.create(file, size);
                break;
            } catch (FillFile.NoSpace e) {
                size = sizeNow();
                if (attempt == ATTEMPTS || size <= 0) throw e;
            }
        }
        allocated = size;
        Space after = Space.of(file.getParent(), root);
        synchronized (details) {
            details.put("bytes", size);
            details.put("method", method.name().toLowerCase());
            details.put("free_after", after.free());
            details.put("used_after", DiskInjector.percent(after.usedFraction()));
        }
    }

    private long sizeNow() throws IOException {
        Space now = Space.of(file.getParent(), root);
        long block = Math.max(1, now.blockSize());
        return Math.min(bytes, (now.free() - leaveFree) / block * block);
    }

    @Override
    public void rollback() throws IOException, InterruptedException {
        if (!Files.exists(file)) return; // apply failed and removed its partial file, or never ran
        long full = Space.of(file.getParent(), root).free();
        Files.delete(file);
        long deadline = System.nanoTime() + RELEASE_WAIT_NANOS;
        long back;
        while ((back = Space.of(file.getParent(), root).free() - full) < RETURNED * allocated) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("disk: deleted " + file + " but only " + new ByteSize(Math.max(0, back)) + " of "
                        + new ByteSize(allocated) + " came back (is the file still held open by a process?)");
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
