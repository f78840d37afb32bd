package dev.shakedown.stdlib.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.plan.ByteSize;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ways of allocating give real blocks (not a sparse file), and neither leaves a partial file behind. */
class FillFileTest {
    private static final long EIGHT_MB = 8 * ByteSize.MB;

    @TempDir Path temp;
    private ScratchFs fs;

    @BeforeEach
    void mount() throws Exception {
        fs = ScratchFs.mount(temp, 64 * ByteSize.MB);
    }

    @AfterEach
    void unmount() throws Exception {
        if (fs != null) fs.close();
    }

    /** Bytes the file really occupies, as {@code stat} counts its blocks; a sparse file shows 0. */
    private static long allocated(Path file) throws Exception {
        String[] f = ScratchFs.run("stat", "-c", "%b %B", file.toString()).trim().split(" ");
        return Long.parseLong(f[0]) * Long.parseLong(f[1]);
    }

    @Test
    void fallocateReservesRealBlocks() throws Exception {
        Path file = fs.dir().resolve("fill");
        assertThat(FillFile.create(file, EIGHT_MB)).isEqualTo(FillFile.Method.FALLOCATE);
        assertThat(allocated(file)).isEqualTo(EIGHT_MB);
    }

    @Test
    void writingZerosReservesRealBlocks() throws Exception {
        Path file = fs.dir().resolve("fill");
        assertThat(FillFile.create(file, EIGHT_MB + 123, false)).isEqualTo(FillFile.Method.WRITE);
        assertThat(Files.size(file)).isEqualTo(EIGHT_MB + 123);
        assertThat(allocated(file)).isGreaterThanOrEqualTo(EIGHT_MB + 123);
    }

    @Test
    void aWriteThatRunsOutOfSpaceRemovesItsPartialFile() {
        Path file = fs.dir().resolve("fill");
        assertThatThrownBy(() -> FillFile.create(file, 128 * ByteSize.MB, false)).hasMessageContaining("No space left");
        assertThat(file).doesNotExist();
    }

    @Test
    void anExistingFileIsNeitherTakenOverNorDeleted() throws Exception {
        Path file = Files.writeString(fs.dir().resolve("fill"), "someone else's");
        assertThatThrownBy(() -> FillFile.create(file, EIGHT_MB)).hasMessageContaining("EEXIST");
        assertThat(file).hasContent("someone else's");
    }
}
