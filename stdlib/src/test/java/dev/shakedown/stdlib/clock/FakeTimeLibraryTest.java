package dev.shakedown.stdlib.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the preload library, or saying why it cannot be found and what to do. */
class FakeTimeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void takesTheFirstCandidateThatExists() throws Exception {
        Path second = Files.createDirectories(dir.resolve("b/faketime")).resolve(LibFaketime.FILE);
        Files.writeString(second, "");

        LibFaketime found = LibFaketime.among(Optional.empty(), List.of(dir.resolve("a/faketime").resolve(LibFaketime.FILE), second));

        assertThat(found.library()).contains(second);
        assertThat(found.missing()).isEmpty();
    }

    @Test
    void saysWhereItLookedAndHowToInstallItWhenNothingIsThere() {
        LibFaketime none = LibFaketime.among(Optional.empty(), List.of(dir.resolve("a/faketime").resolve(LibFaketime.FILE)));

        assertThat(none.library()).isEmpty();
        assertThat(none.missing()).hasValueSatisfying(why -> assertThat(why)
                .contains("libfaketime is not installed")
                .contains(dir.resolve("a/faketime").toString())
                .contains("apt-get install faketime")
                .contains("SHAKEDOWN_LIBFAKETIME"));
    }

    @Test
    void theOverrideWinsAndMustExist() throws Exception {
        Path custom = dir.resolve("custom.so");
        Path usual = dir.resolve(LibFaketime.FILE);
        Files.writeString(custom, "");
        Files.writeString(usual, "");

        assertThat(LibFaketime.among(Optional.of(custom.toString()), List.of(usual)).library()).contains(custom);
        assertThat(LibFaketime.among(Optional.of(dir.resolve("gone.so").toString()), List.of(usual)).missing())
                .hasValueSatisfying(why -> assertThat(why).contains("SHAKEDOWN_LIBFAKETIME is set to " + dir.resolve("gone.so"))
                        .contains("not a file"));
    }

    @Test
    void looksInTheMultiarchDirectoryOfTheJvmsArchitectureFirst() {
        assertThat(LibFaketime.usualPaths("amd64").get(0)).isEqualTo(Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"));
        assertThat(LibFaketime.usualPaths("aarch64").get(0)).isEqualTo(Path.of("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"));
        assertThat(LibFaketime.multiarch("ppc64le")).isEqualTo("powerpc64le-linux-gnu");
        assertThat(LibFaketime.usualPaths("amd64")).contains(Path.of("/usr/lib64/faketime/libfaketime.so.1"),
                Path.of("/usr/local/lib/faketime/libfaketime.so.1"));
    }
}
