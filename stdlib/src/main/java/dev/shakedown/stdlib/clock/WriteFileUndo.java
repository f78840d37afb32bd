package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.spi.UndoAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Replays {@code write-file}: a clock offset file gets its recorded content ({@code +0}) back, atomically. */
public final class WriteFileUndo implements UndoAction {
    @Override
    public String action() {
        return "write-file";
    }

    @Override
    public Outcome undo(Map<String, Object> data) throws IOException {
        Path file = Path.of(UndoAction.text(data, "path"));
        String content = UndoAction.text(data, "content");
        if (!Files.isDirectory(file.getParent())) return Outcome.done(file.getParent() + " is gone; nothing reads " + file);
        OffsetFile.write(file, content);
        return Outcome.done("wrote " + content + " into " + file);
    }
}
