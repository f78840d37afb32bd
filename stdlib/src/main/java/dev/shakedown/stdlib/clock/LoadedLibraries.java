package dev.shakedown.stdlib.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Whether a running process has mapped a shared library, from /proc/PID/maps. */
final class LoadedLibraries {
    /**
     * A process checked right after its launch may not have mapped its preloads yet: the JDK starts it
     * through {@code jspawnhelper}, which execs the program a moment later, and the loader maps them after that.
     */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private LoadedLibraries() {}

    /**
     * True if the process or one of its descendants (a launcher script that runs the real program as a
     * child) has the library mapped, waiting up to a second for a process that has only just started. True
     * as well when the process's own maps cannot be read, so this check never blocks a fault on its own
     * uncertainty.
     */
    static boolean loaded(ProcessHandle process, String fileName) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            Optional<String> own = maps(process);
            if (own.isEmpty() || own.get().contains(fileName)) return true;
            // A descendant may exit while we look: it then simply does not count.
            if (process.descendants().anyMatch(child -> maps(child).filter(m -> m.contains(fileName)).isPresent())) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(10);
        }
    }

    private static Optional<String> maps(ProcessHandle process) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "maps"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
