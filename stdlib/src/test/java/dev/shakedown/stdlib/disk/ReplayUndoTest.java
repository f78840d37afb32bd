package dev.shakedown.stdlib.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayUndoTest {
    @TempDir Path dir;

    @Test
    void deleteFileRemovesTheFillFileAndAMissingOneIsDone() throws Exception {
        Path fill = dir.resolve("shakedown-fill-1");
        Files.write(fill, new byte[4096]);
        Map<String, Object> data = Map.of("path", fill.toString(), "size", 4096);

        assertThat(new DeleteFileUndo().undo(data).undone()).isTrue();
        assertThat(fill).doesNotExist();
        assertThat(new DeleteFileUndo().undo(data).undone()).isTrue();
    }

    @Test
    void unmountUnmountsTheTmpfsAndAPlainDirectoryIsDone() throws Exception {
        assumeTrue(LibC.root(), "mounting a tmpfs needs root");
        Path point = Files.createDirectory(dir.resolve("audit"));
        LibC.C.mount("shakedown-test", point.toString(), "tmpfs", LibC.MS_NOSUID | LibC.MS_NODEV, "size=1m");
        assertThat(UnmountUndo.isMountPoint(point)).isTrue();
        Map<String, Object> data = Map.of("path", point.toString());

        assertThat(new UnmountUndo().undo(data).undone()).isTrue();
        assertThat(UnmountUndo.isMountPoint(point)).isFalse();
        assertThat(new UnmountUndo().undo(data).note()).contains("nothing is mounted");
    }
}
