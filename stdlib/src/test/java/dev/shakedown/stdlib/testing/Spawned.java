package dev.shakedown.stdlib.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Processes a test starts itself (outside any run, e.g. to attach to); close() kills them all. */
public final class Spawned implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    public Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(process);
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) process.waitFor(10, TimeUnit.SECONDS);
    }
}
