package dev.shakedown.stdlib.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offset as libfaketime reads it: signed seconds, up to three decimals, never an exponent. */
class ClockOffsetFileTest {
    @TempDir
    Path dir;

    @Test
    void writesSignedSecondsWithUpToThreeDecimals() {
        assertThat(OffsetFile.content(Duration.ofSeconds(30))).isEqualTo("+30");
        assertThat(OffsetFile.content(Duration.ofMillis(-2500))).isEqualTo("-2.5");
        assertThat(OffsetFile.content(Duration.ofMillis(250))).isEqualTo("+0.25");
        assertThat(OffsetFile.content(Duration.ofMillis(-1))).isEqualTo("-0.001");
        assertThat(OffsetFile.content(Duration.ofDays(365))).isEqualTo("+31536000");
        assertThat(OffsetFile.content(Duration.ofSeconds(-600))).isEqualTo("-600");
        assertThat(OffsetFile.content(Duration.ZERO)).isEqualTo("+0");
    }

    @Test
    void offsetsAreShownSignedInTheLargestUnitThatDividesThem() {
        assertThat(ClockSkewSpec.format(Duration.ofSeconds(30))).isEqualTo("+30s");
        assertThat(ClockSkewSpec.format(Duration.ofMillis(-2500))).isEqualTo("-2.5s");
        assertThat(ClockSkewSpec.format(Duration.ofMinutes(-10))).isEqualTo("-10min");
        assertThat(ClockSkewSpec.format(Duration.ofHours(2))).isEqualTo("+2h");
        assertThat(ClockSkewSpec.format(Duration.ofDays(-400))).isEqualTo("-400d");
    }

    @Test
    void replacesTheContentAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = OffsetFile.of(dir, "guardian");
        assertThat(file).isEqualTo(dir.toAbsolutePath().resolve("clock/guardian.offset"));

        OffsetFile.write(file, "+30");
        OffsetFile.write(file, "+0");

        assertThat(file).hasContent("+0");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void createIfMissingKeepsAnOffsetAlreadyThere() throws Exception {
        Path file = OffsetFile.of(dir, "guardian");
        OffsetFile.createIfMissing(file);
        assertThat(file).hasContent("+0");

        OffsetFile.write(file, "+30");
        OffsetFile.createIfMissing(file);

        assertThat(file).hasContent("+30");
    }
}
