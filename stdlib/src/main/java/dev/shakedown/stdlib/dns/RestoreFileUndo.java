package dev.shakedown.stdlib.dns;

import dev.shakedown.engine.spi.UndoAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Replays {@code restore-file}: a hosts file gets its recorded content back, replaced in one step. */
public final class RestoreFileUndo implements UndoAction {
    @Override
    public String action() {
        return DnsFailure.RESTORE_FILE;
    }

    @Override
    public Outcome undo(Map<String, Object> data) throws IOException {
        Path file = Path.of(UndoAction.text(data, "path"));
        String content = UndoAction.text(data, "content");
        if (!Files.isDirectory(file.getParent())) return Outcome.done(file.getParent() + " is gone; nothing reads " + file);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return Outcome.done(file + " already holds its original content");
        }
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return Outcome.done("restored " + file);
    }
}
