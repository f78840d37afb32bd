package dev.shakedown.stdlib.process;

import dev.shakedown.engine.spi.RunContext;
import java.io.IOException;
import java.util.Map;

/**
 * What a launch needs because of how the script uses the process, found with {@link java.util.ServiceLoader}:
 * libfaketime preloaded into a process whose clock a scenario skews, a hosts file for a JVM that resolves
 * names from the script's {@code dns} records. Applied before every launch, restarts included, so a
 * restarted process can still be faulted the same way.
 */
public interface LaunchPreparation {
    /**
     * Adds to {@code environment} (the process's whole environment: inherited, then the script's
     * {@code env:}) what this preparation needs, and writes the files it points to. Leaves a process it does
     * not concern untouched.
     */
    void prepare(String process, LaunchOptions options, RunContext run, Map<String, String> environment) throws IOException;
}
