package dev.shakedown.stdlib.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import oshi.SystemInfo;

/**
 * Host available memory as OSHI reports it (MemAvailable), plus the free pages the kernel keeps on its
 * per-CPU lists. Those lists are not counted as free, yet they hold recently freed pages and serve the
 * next allocations first; on recent kernels they grow to hundreds of MB (here ~300 MB per CPU), so
 * without them a 1 GB allocation right after another process freed memory shows as a drop of 600 MB.
 */
final class HostAvailable {
    private static final long PAGE = 4096;

    private HostAvailable() {}

    /** A fresh reading each time: OSHI's own memory object caches its reading for a few hundred ms. */
    static long bytes() {
        return new SystemInfo().getHardware().getMemory().getAvailable() + perCpuListBytes();
    }

    /** What OSHI alone reports, as the memory fault reads it to decide how much a fill needs. */
    static long reported() {
        return new SystemInfo().getHardware().getMemory().getAvailable();
    }

    static long total() {
        return new SystemInfo().getHardware().getMemory().getTotal();
    }

    private static long perCpuListBytes() {
        try {
            long pages = Files.readAllLines(Path.of("/proc/zoneinfo")).stream().map(String::trim)
                    .filter(line -> line.startsWith("count:")).mapToLong(line -> Long.parseLong(line.substring(6).trim())).sum();
            return pages * PAGE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
