package dev.shakedown.stdlib.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.testing.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk fault on a 64 MB tmpfs mounted per test, read back with the real {@code df}. */
class DiskInjectorTest {
    private static final long SIZE = 64 * ByteSize.MB;
    /** tmpfs counts in 4 KiB pages; a few pages of slack cover the directory entries of the test itself. */
    private static final long SLACK = 64 * ByteSize.KB;

    @TempDir Path temp;
    private ScratchFs fs;
    private TestRun run;
    private final DiskInjector disk = new DiskInjector();

    @BeforeEach
    void mount() throws Exception {
        fs = ScratchFs.mount(temp, SIZE);
        run = new TestRun(temp.resolve("run"));
    }

    @AfterEach
    void unmount() throws Exception {
        run.close();
        if (fs != null) fs.close();
    }

    private static FaultSpec spec(Map<String, Object> options) {
        return new FaultSpec("disk", List.of(), options, SourceRef.UNKNOWN);
    }

    @Test
    void fillNinetyPercentShowsInDfAndRollbackGivesTheSpaceBack() throws Exception {
        ScratchFs.Df before = fs.df();
        Fault fault = disk.prepare(spec(Map.of("path", fs.dir().toString(), "fill", Percent.of(90))), run);

        fault.apply();
        ScratchFs.Df filled = fs.df();
        assertThat(filled.usedFraction()).isCloseTo(0.90, within(0.005));
        assertThat(fault.details()).containsEntry("method", "fallocate").containsKeys("file", "free_before", "free_after");

        fault.rollback();
        assertThat(fillFiles()).isEmpty();
        assertThat(fs.df().avail()).isCloseTo(before.avail(), within(SLACK));
    }

    @Test
    void freeLeavesThatMuchFree() throws Exception {
        Fault fault = disk.prepare(spec(Map.of("path", fs.dir().toString(), "free", new ByteSize(8 * ByteSize.MB))), run);

        fault.apply();
        try {
            assertThat(fs.df().avail()).isCloseTo(8 * ByteSize.MB, within(SLACK));
        } finally {
            fault.rollback();
        }
    }

    @Test
    void theUndoRecordNamesTheFileBeforeItExists() throws Exception {
        Fault fault = disk.prepare(spec(Map.of("path", fs.dir().toString(), "free", new ByteSize(32 * ByteSize.MB))), run);

        UndoRecord undo = fault.undoRecord();
        Path file = Path.of((String) undo.data().get("path"));
        assertThat(undo.action()).isEqualTo("delete-file");
        assertThat(file.getParent()).isEqualTo(fs.dir());
        assertThat(file.getFileName().toString()).startsWith(".shakedown-fill-test-run-");
        assertThat(undo.manual()).isEqualTo("rm " + file);
        assertThat(file).doesNotExist();

        fault.apply();
        assertThat(file).exists();
        assertThat(Files.size(file)).isEqualTo(undo.data().get("size"));
        fault.rollback();
        assertThat(file).doesNotExist();
    }

    @Test
    void aFillBeyondTheCapIsRefusedWithTheNumbers() throws Exception {
        long needed = fs.df().avail();
        assertThatThrownBy(() -> disk.prepare(spec(Map.of("path", fs.dir().toString(), "fill", Percent.of(100),
                "maxBytes", new ByteSize(16 * ByteSize.MB))), run))
                .hasMessageContaining("needs " + new ByteSize(needed) + " (" + needed + " bytes)")
                .hasMessageContaining("cap of 16 MB (16777216 bytes)")
                .hasMessageContaining("force: true");
        assertThat(fillFiles()).isEmpty();
    }

    @Test
    void forceLiftsTheCap() throws Exception {
        Fault fault = disk.prepare(spec(Map.of("path", fs.dir().toString(), "fill", Percent.of(100),
                "maxBytes", new ByteSize(16 * ByteSize.MB), "force", true)), run);
        fault.apply();
        try {
            assertThat(fs.df().avail()).isLessThanOrEqualTo(SLACK);
        } finally {
            fault.rollback();
        }
    }

    /** Another writer took some of the space measured in prepare: the fill shrinks to leave what was asked free. */
    @Test
    void aWriterBetweenPrepareAndApplyShrinksTheFill() throws Exception {
        Fault fault = disk.prepare(spec(Map.of("path", fs.dir().toString(), "free", new ByteSize(8 * ByteSize.MB))), run);
        Files.write(fs.dir().resolve("other-writer"), new byte[(int) (4 * ByteSize.MB)]);

        fault.apply();
        try {
            assertThat(fs.df().avail()).isCloseTo(8 * ByteSize.MB, within(SLACK));
        } finally {
            fault.rollback();
        }
    }

    /** Another writer took all of it: a sentence that says so, and no partial file. */
    @Test
    void aFailedAllocationRemovesItsPartialFile() throws Exception {
        Fault fault = disk.prepare(spec(Map.of("path", fs.dir().toString(), "free", new ByteSize(8 * ByteSize.MB))), run);
        Files.write(fs.dir().resolve("other-writer"), new byte[(int) (fs.df().avail() - 4 * ByteSize.MB)]);

        assertThatThrownBy(fault::apply).hasMessageContaining("other writers").hasMessageContaining(".shakedown-fill-");
        assertThat(fillFiles()).isEmpty();
        fault.rollback(); // the engine always rolls back; with no file there is nothing to do
    }

    @Test
    void aFilledFilesystemIsReportedNotFilledAgain() throws Exception {
        assertThatThrownBy(() -> disk.prepare(spec(Map.of("path", fs.dir().toString(), "free", new ByteSize(2 * SIZE))), run))
                .hasMessageContaining("nothing to fill");
    }

    @Test
    void aFileAsPathFillsItsDirectory() throws Exception {
        Path data = Files.writeString(fs.dir().resolve("data.db"), "x");
        Fault fault = disk.prepare(spec(Map.of("path", data.toString(), "free", new ByteSize(32 * ByteSize.MB))), run);

        assertThat(Path.of((String) fault.undoRecord().data().get("path")).getParent()).isEqualTo(fs.dir());
    }

    private List<Path> fillFiles() throws IOException {
        try (Stream<Path> files = Files.list(fs.dir())) {
            return files.filter(p -> p.getFileName().toString().startsWith(".shakedown-fill-")).toList();
        }
    }
}
