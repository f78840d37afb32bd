package dev.shakedown.stdlib.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which mount holds a path, from {@code /proc/self/mountinfo}: the longest mount point that prefixes it. */
final class Mounts {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Mounts() {}

    static Optional<Path> mountPointOf(Path path) throws IOException {
        Path real = path.toRealPath();
        Path best = null;
        for (String line : Files.readAllLines(MOUNTINFO)) {
            // fields: id parent major:minor root mount-point ...; spaces in paths are written \040
            String[] fields = line.split(" ");
            if (fields.length < 5) continue;
            Path point = Path.of(fields[4].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\"));
            if (real.startsWith(point) && (best == null || point.getNameCount() > best.getNameCount())) best = point;
        }
        return Optional.ofNullable(best);
    }
}
