package dev.shakedown.stdlib.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The kernel's view of a process state, from /proc/PID/stat: 'R' running, 'S' sleeping, 'T' stopped. */
public final class ProcState {
    private ProcState() {}

    /** The state letter, or 'X' once the process is gone. */
    public static char of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name in parentheses may hold spaces; the state follows its closing parenthesis.
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (NoSuchFileException e) {
            return 'X';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }
}
