package dev.shakedown.stdlib.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cgroup v1 memory controller, where a memory limit on one process is a folder with
 * {@code memory.limit_in_bytes} and the process's PID in its {@code cgroup.procs}. Only v1 is handled:
 * under v2 a process can only move into a leaf group whose parent delegates the memory controller, which
 * needs the host's cgroup layout rearranged; there {@link #unavailable()} says so.
 */
final class MemoryCgroups {
    static final Path V1_ROOT = Path.of("/sys/fs/cgroup/memory");
    private static final Path V2_MARKER = Path.of("/sys/fs/cgroup/cgroup.controllers");

    private MemoryCgroups() {}

    /** Why a memory limit cannot be set on this machine, or empty when it can. */
    static Optional<String> unavailable() {
        if (!Files.isDirectory(V1_ROOT) || !Files.exists(V1_ROOT.resolve("memory.limit_in_bytes"))) {
            return Optional.of(Files.exists(V2_MARKER)
                    ? "this host has only cgroup v2; memory(target:, limit:) needs the cgroup v1 memory controller"
                    : "this host has no cgroup memory controller at " + V1_ROOT);
        }
        if (!Files.isWritable(V1_ROOT)) {
            return Optional.of("memory(target:, limit:) must create a cgroup under " + V1_ROOT
                    + ", which is not writable here (it needs root, and a cgroup mount that is not read-only)");
        }
        return Optional.empty();
    }

    /** The memory cgroup a process is in, as a folder: {@code /sys/fs/cgroup/memory/system.slice/x.service}. */
    static Path of(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "cgroup"))) {
            String[] parts = line.split(":", 3); // hierarchy-id:controllers:path
            if (parts.length == 3 && Arrays.asList(parts[1].split(",")).contains("memory")) {
                return V1_ROOT.resolve(parts[2].substring(1));
            }
        }
        throw new IllegalStateException("PID " + pid + " is in no cgroup v1 memory group");
    }

    static void write(Path group, String file, String value) throws IOException {
        Files.writeString(group.resolve(file), value);
    }

    static String read(Path group, String file) throws IOException {
        return Files.readString(group.resolve(file)).trim();
    }

    /** Moves the process (all its threads) into {@code group}. */
    static void move(long pid, Path group) throws IOException {
        write(group, "cgroup.procs", String.valueOf(pid));
    }

    static List<Long> members(Path group) throws IOException {
        return read(group, "cgroup.procs").lines().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
    }

    /** The {@code oom_kill} count of {@code memory.oom_control}: processes the kernel killed for the limit. */
    static long oomKills(Path group) throws IOException {
        return read(group, "memory.oom_control").lines().filter(l -> l.startsWith("oom_kill "))
                .mapToLong(l -> Long.parseLong(l.substring("oom_kill ".length()).trim())).findFirst().orElse(0);
    }
}
