package dev.shakedown.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What Linux says about a process in /proc: CPU time, resident and proportional memory. */
final class Proc {
    /** USER_HZ, the unit of /proc/PID/stat's times; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100;

    private Proc() {}

    /** User + system CPU seconds the process has used so far; 0 once it is gone. */
    static double cpuSeconds(long pid) throws IOException {
        return ticks(pid, 11, 12) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of a process and all its descendants so far: each live one's own time plus the time of the
     * children it has reaped (cutime, cstime), so a child that exits between two readings still counts.
     */
    static double treeCpuSeconds(long pid) throws IOException {
        long ticks = ticks(pid, 11, 12, 13, 14);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
            ticks += ticks(child.pid(), 11, 12, 13, 14);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Processes in the tree of {@code pid}, itself included; 0 once it is gone. */
    static long treeSize(long pid) {
        return ProcessHandle.of(pid).map(p -> 1 + p.descendants().count()).orElse(0L);
    }

    /** The sum of the given fields of /proc/PID/stat, in clock ticks; 0 once the process is gone. */
    private static long ticks(long pid, int... fieldIndexes) throws IOException {
        String stat = read(pid, "stat");
        if (stat.isEmpty()) return 0;
        // Fields after the command name, which is in parentheses and may hold spaces: state is [0], utime [11],
        // stime [12], cutime [13], cstime [14].
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long sum = 0;
        for (int i : fieldIndexes) sum += Long.parseLong(fields[i]);
        return sum;
    }

    /** Resident set size in KiB (pages shared with other processes count in full). */
    static long rssKiB(long pid) throws IOException {
        return kib(read(pid, "status"), "VmRSS:");
    }

    /** Proportional set size in KiB: shared pages divided among the processes that share them. */
    static long pssKiB(long pid) throws IOException {
        return kib(read(pid, "smaps_rollup"), "Pss:");
    }

    private static long kib(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
        return 0;
    }

    private static String read(long pid, String file) throws IOException {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), file));
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
