package dev.shakedown.stdlib.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFileUndoTest {
    @TempDir Path dir;

    @Test
    void writesPlusZeroBackIntoTheOffsetFile() throws Exception {
        Path offset = dir.resolve("clock-guardian.offset");
        OffsetFile.write(offset, "+300");
        Map<String, Object> data = Map.of("path", offset.toString(), "content", OffsetFile.NONE);

        assertThat(new WriteFileUndo().undo(data).undone()).isTrue();
        assertThat(Files.readString(offset).trim()).isEqualTo("+0");
        assertThat(new WriteFileUndo().undo(data).undone()).isTrue();
        assertThat(Files.readString(offset).trim()).isEqualTo("+0");
    }

    @Test
    void aRunDirectoryThatIsGoneNeedsNothing() throws Exception {
        Path offset = dir.resolve("gone/clock.offset");
        assertThat(new WriteFileUndo().undo(Map.of("path", offset.toString(), "content", "+0")).undone()).isTrue();
        assertThat(offset).doesNotExist();
    }
}
