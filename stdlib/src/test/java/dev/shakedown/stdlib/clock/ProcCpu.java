package dev.shakedown.stdlib.clock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used, as the kernel counts it in /proc/PID/stat (utime + stime). */
final class ProcCpu {
    /** USER_HZ: 100 on every common Linux build. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcCpu() {}

    static double seconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
