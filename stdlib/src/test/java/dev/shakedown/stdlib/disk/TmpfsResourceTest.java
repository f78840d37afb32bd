package dev.shakedown.stdlib.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.stdlib.process.LaunchOptions;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's own small filesystem, and the disk fault's refusal to fill any other with dedicatedOnly. */
class TmpfsResourceTest {
    private static final String AUDIT = LaunchOptions.RUN_DIR + "/audit";

    @TempDir Path temp;
    private TestRun current;

    @AfterEach
    void stop() {
        if (current != null) current.close(); // unmounts what a test mounted, even when it failed
    }

    private TestRun runIn(Path dir) {
        current = new TestRun(dir).makeCurrent();
        return current;
    }

    private static FaultSpec dedicatedFill(String path) {
        return new FaultSpec("disk", List.of(), Map.of("path", path, "free", new ByteSize(0), "dedicatedOnly", true),
                SourceRef.UNKNOWN);
    }

    @Test
    void mountsATmpfsOfTheSizeInTheRunDirectoryAndUnmountsItOnClose() throws Exception {
        assumeTrue(LibC.root(), "mounting a tmpfs needs root");
        TestRun run = runIn(temp);
        Resource tmpfs = run.start(new ResourceSpec(TmpfsResourceType.KIND, "auditFs",
                Map.of("path", AUDIT, "size", new ByteSize(8 * ByteSize.MB)), SourceRef.UNKNOWN));
        Path audit = temp.resolve("audit");

        assertThat(ScratchFs.run("findmnt", "-n", "-o", "FSTYPE,SIZE", audit.toString())).contains("tmpfs").contains("8M");
        assertThat(tmpfs.undoRecord().action()).isEqualTo("unmount");
        assertThat(tmpfs.undoRecord().data()).containsEntry("path", audit.toString());
        assertThat(tmpfs.details()).containsEntry("mounted", true);
        assertThat(new DiskInjector().unavailable(dedicatedFill(AUDIT))).isEmpty();

        tmpfs.close();
        assertThat(Mounts.mountPointOf(audit)).hasValueSatisfying(point -> assertThat(point).isNotEqualTo(audit));
    }

    /** A process of the system under test may still hold a file there: the mount is detached, not left behind. */
    @Test
    void closeUnmountsEvenWhileAFileIsOpenThere() throws Exception {
        assumeTrue(LibC.root(), "mounting a tmpfs needs root");
        Resource tmpfs = runIn(temp).start(new ResourceSpec(TmpfsResourceType.KIND, "auditFs",
                Map.of("path", AUDIT, "size", new ByteSize(ByteSize.MB)), SourceRef.UNKNOWN));
        Path audit = temp.resolve("audit");

        try (var held = Files.newOutputStream(audit.resolve("audit.log"))) {
            tmpfs.close();
            assertThat(Mounts.mountPointOf(audit)).hasValueSatisfying(point -> assertThat(point).isNotEqualTo(audit));
        }
    }

    @Test
    void dedicatedOnlyRefusesAFilesystemTheRunDidNotMount() {
        runIn(temp);

        assertThat(new DiskInjector().unavailable(dedicatedFill(temp.toString())))
                .hasValueSatisfying(why -> assertThat(why).contains("not on a filesystem this run mounted"));
    }
}
