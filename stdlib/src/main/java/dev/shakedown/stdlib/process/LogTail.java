package dev.shakedown.stdlib.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a process log, to put into an error message about that process. */
final class LogTail {
    private static final int MAX_BYTES = 4096;
    private static final int MAX_LINES = 20;

    private LogTail() {}

    static String of(Path log) {
        try {
            if (!Files.exists(log) || Files.size(log) == 0) return "its log " + log + " is empty";
            List<String> lines = Arrays.asList(readEnd(log).split("\\R"));
            List<String> tail = lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size());
            return "last lines of " + log + ":\n    " + String.join("\n    ", tail);
        } catch (IOException e) {
            return "its log " + log + " could not be read: " + e.getMessage();
        }
    }

    private static String readEnd(Path log) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).strip();
        }
    }
}
