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
        String stat = read(pid, "stat");
        if (stat.isEmpty()) return 0;
        // Fields after the command name, which is in parentheses and may hold spaces: state is [0], utime [11], stime [12].
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
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
