package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.stdlib.process.LaunchOptions;
import dev.shakedown.stdlib.process.LaunchPreparation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Preloads libfaketime into a launched process that some scenario of the run skews with {@code clockSkew},
 * pointing it at the process's offset file (which holds {@code +0} until the fault is applied). Every other
 * process is launched untouched: nobody pays for a library no fault needs.
 */
public final class FakeTimePreparation implements LaunchPreparation {
    @Override
    public void prepare(String process, LaunchOptions options, RunContext run, Map<String, String> environment) throws IOException {
        if (!SkewedProcesses.skews(run.plan(), process)) return;
        // Without the library the fault is reported unavailable and its scenario skipped; launch as usual.
        Optional<Path> library = LibFaketime.onThisMachine().library();
        if (library.isEmpty()) return;
        Path offsetFile = OffsetFile.of(run.runDirectory(), process);
        OffsetFile.createIfMissing(offsetFile);
        preload(environment, library.get(), offsetFile);
    }

    static void preload(Map<String, String> environment, Path library, Path offsetFile) {
        environment.put("LD_PRELOAD", withLibrary(environment.get("LD_PRELOAD"), library.toString()));
        environment.put("FAKETIME_TIMESTAMP_FILE", offsetFile.toString());
        // libfaketime re-reads the file when (now - last read) in whole seconds exceeds this: with 1 that is
        // every 2 s; with 0 it is at each change of the second, so a new offset shows within 1 s. Measured
        // on 0.9.10: the same cost per clock call either way (one file read a second, not one per call).
        environment.put("FAKETIME_CACHE_DURATION", "0");
        // Only the wall clock moves: timeouts, sleeps and System.nanoTime() keep measuring real time.
        environment.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        // The fix makes libfaketime spin on the monotonic clock, which keeps a whole core busy in a JVM.
        environment.put("FAKETIME_FORCE_MONOTONIC_FIX", "0");
    }

    /** Appends to a preload list the script or the engine's environment already gives (':'-separated). */
    private static String withLibrary(String preload, String library) {
        if (preload == null || preload.isBlank()) return library;
        if (Arrays.asList(preload.split("[: ]")).contains(library)) return preload;
        return preload + ":" + library;
    }
}
