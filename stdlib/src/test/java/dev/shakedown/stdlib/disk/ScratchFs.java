package dev.shakedown.stdlib.disk;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tmpfs of a fixed size mounted with the real {@code mount} command for one test, so tests that fill a
 * filesystem never touch the machine's disk; {@link #df()} reads it back with the real {@code df}.
 */
final class ScratchFs implements AutoCloseable {
    /** {@code df -B1} of one filesystem, in bytes. */
    record Df(long size, long used, long avail) {
        double usedFraction() {
            return used / (double) size;
        }
    }

    private final Path dir;

    private ScratchFs(Path dir) {
        this.dir = dir;
    }

    static ScratchFs mount(Path parent, long bytes) throws Exception {
        assumeTrue(LibC.root(), "mounting a tmpfs needs root");
        Path dir = Files.createDirectories(parent.resolve("scratch"));
        run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "shakedown-test", dir.toString());
        return new ScratchFs(dir);
    }

    Path dir() {
        return dir;
    }

    Df df() throws Exception {
        List<String> lines = run("df", "-B1", "--output=size,used,avail", dir.toString()).lines().toList();
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
        return new Df(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
    }

    /** Unmounts even when something is left open there (MNT_DETACH), so a failed test leaves no mount. */
    @Override
    public void close() throws Exception {
        try {
            run("umount", dir.toString());
        } catch (IOException busy) {
            run("umount", "-l", dir.toString());
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        return out;
    }
}
