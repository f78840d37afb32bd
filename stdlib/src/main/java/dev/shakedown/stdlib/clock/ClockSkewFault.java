package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One skew of one process's clock: apply writes the offset into the file libfaketime reads, rollback writes
 * {@code +0}. The process picks up either within about a second (libfaketime's cache of the file).
 */
final class ClockSkewFault implements Fault {
    private final long pid;
    private final Path offsetFile;
    private final Duration offset;

    ClockSkewFault(long pid, Path offsetFile, Duration offset) {
        this.pid = pid;
        this.offsetFile = offsetFile;
        this.offset = offset;
    }

    /** Replay writes {@code +0} into the file: a process the dead engine left skewed gets its real clock back. */
    @Override
    public UndoRecord undoRecord() {
        return new UndoRecord("write-file", Map.of("path", offsetFile.toString(), "content", OffsetFile.NONE),
                "write " + OffsetFile.NONE + " into " + offsetFile);
    }

    @Override
    public void apply() throws IOException {
        OffsetFile.write(offsetFile, OffsetFile.content(offset));
    }

    @Override
    public void rollback() throws IOException {
        OffsetFile.write(offsetFile, OffsetFile.NONE);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pid", pid);
        details.put("offsetFile", offsetFile.toString());
        details.put("offset", ClockSkewSpec.format(offset));
        return details;
    }
}
