package dev.shakedown.stdlib.disk;

import dev.shakedown.engine.spi.UndoAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Replays {@code delete-file}: the fill file goes; one already gone is fine. */
public final class DeleteFileUndo implements UndoAction {
    @Override
    public String action() {
        return "delete-file";
    }

    @Override
    public Outcome undo(Map<String, Object> data) throws IOException {
        Path file = Path.of(UndoAction.text(data, "path"));
        return Outcome.done(Files.deleteIfExists(file) ? "deleted " + file : file + " was already gone");
    }
}
