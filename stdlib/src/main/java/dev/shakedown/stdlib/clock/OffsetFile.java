package dev.shakedown.stdlib.clock;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The file libfaketime reads a process's clock offset from ({@code FAKETIME_TIMESTAMP_FILE}): one relative
 * offset in seconds, {@code +30} or {@code -2.5}. One file per process, {@code <runDir>/clock/<process>.offset}.
 */
public final class OffsetFile {
    /** No skew: what the file holds before the fault and after its rollback. */
    public static final String NONE = "+0";

    private OffsetFile() {}

    public static Path of(Path runDirectory, String process) {
        return runDirectory.toAbsolutePath().normalize().resolve("clock").resolve(process + ".offset");
    }

    /** {@code +30}, {@code -2.5}, {@code +0.25}: seconds with up to three decimals, never an exponent. */
    public static String content(Duration offset) {
        long millis = offset.toMillis();
        if (millis == 0) return NONE;
        String seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
        return millis > 0 ? "+" + seconds : seconds;
    }

    /**
     * Replaces the content in one step (a temporary file moved over it), so libfaketime, which may read the
     * file at any moment, never sees it empty or half written.
     */
    public static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, content + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@value #NONE} unless the file exists: a process restarted while skewed keeps its skew. */
    static void createIfMissing(Path file) throws IOException {
        if (!Files.exists(file)) write(file, NONE);
    }
}
