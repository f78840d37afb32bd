package dev.shakedown.stdlib.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreFileUndoTest {
    @TempDir Path dir;

    @Test
    void restoresTheHostsFileAndIsIdempotent() throws Exception {
        Path hosts = dir.resolve("hosts");
        String original = "127.0.0.1 localhost\n127.0.0.1 ledger.internal\n";
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        Map<String, Object> data = Map.of("path", hosts.toString(), "content", original);

        assertThat(new RestoreFileUndo().undo(data).undone()).isTrue();
        assertThat(hosts).hasContent(original);
        assertThat(new RestoreFileUndo().undo(data).note()).contains("already");
        assertThat(hosts).hasContent(original);
    }
}
