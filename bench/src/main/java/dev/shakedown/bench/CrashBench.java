package dev.shakedown.bench;

import dev.shakedown.engine.ledger.LedgerReplay;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What is left running after the engine is SIGKILLed with helpers in effect, and for how long. Each round runs
 * {@code java -jar shakedown.jar run} on a script that holds a CPU burner and a memory hog, waits until both
 * helpers run, then SIGKILLs the engine. Half the rounds time the kill → the last helper gone with no
 * rollback (each helper watches the engine and halts itself: DeadMansSwitch); the other half time the kill →
 * {@code shakedown rollback} (a new JVM) done, started right after the kill. Every round checks that no
 * helper and no open record is left.
 *
 * <p>Usage: CrashBench SCRIPT WORKDIR JAR ROUNDS
 */
public final class CrashBench {
    private static final long START_TIMEOUT_MILLIS = 120_000;
    private static final long GONE_TIMEOUT_MILLIS = 10_000;

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        String jar = Path.of(args[2]).toAbsolutePath().toString();
        int rounds = Integer.parseInt(args[3]);
        List<Double> helpersGone = new ArrayList<>();
        List<Double> rolledBack = new ArrayList<>();
        for (int round = 0; round < rounds * 2; round++) {
            boolean rollbackAtOnce = round >= rounds;
            Path state = work.resolve("crash-" + round);
            Process engine = start(jar, script, state, work);
            List<ProcessHandle> helpers = awaitHelpers(engine, state);
            long killed = System.nanoTime();
            engine.destroyForcibly(); // SIGKILL
            if (rollbackAtOnce) {
                rollback(jar, state, work);
                rolledBack.add(millisSince(killed));
            } else {
                awaitGone(helpers);
                helpersGone.add(millisSince(killed));
                rollback(jar, state, work);
            }
            engine.waitFor();
            if (helpers.stream().anyMatch(CrashBench::running)) throw new IllegalStateException("a helper outlived the rollback");
            if (!LedgerReplay.list(state).isEmpty()) throw new IllegalStateException("records left open under " + state);
        }
        System.out.println("SIGKILL of the engine -> last of 2 helpers gone, no rollback: " + Stats.of(helpersGone).format("ms"));
        System.out.println("SIGKILL of the engine -> cold 'shakedown rollback' done: " + Stats.of(rolledBack).format("ms"));
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        System.out.println("load average at the end (1, 5, 15 min): " + load[0] + ", " + load[1] + ", " + load[2]);
    }

    private static Process start(String jar, Path script, Path state, Path work) throws IOException {
        Files.createDirectories(state);
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar, "run", script.toString(), "--state", state.toString(),
                "--out", state.resolve("artifacts").toString(), "--no-color")
                .redirectErrorStream(true).redirectOutput(state.resolve("cli.log").toFile());
        // A host lock of the benchmark's own: its engines run one after the other, whatever else runs on the host.
        builder.environment().put("SHAKEDOWN_HOST_LOCK", work.resolve("host.lock").toString());
        return builder.start();
    }

    /** The engine's two helper JVMs, once both run (their ledger records are written before they start). */
    private static List<ProcessHandle> awaitHelpers(Process engine, Path state) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!engine.isAlive()) throw new IllegalStateException("the engine exited: " + Files.readString(state.resolve("cli.log")));
            List<ProcessHandle> helpers = engine.children()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("shakedown-helper-")).orElse(false)).toList();
            if (helpers.size() == 2) return helpers;
            Thread.sleep(20);
        }
        engine.destroyForcibly();
        throw new IllegalStateException("the helpers did not start: " + Files.readString(state.resolve("cli.log")));
    }

    /** Polls every millisecond: the figure is the helpers' own reaction, not this loop's. */
    private static void awaitGone(List<ProcessHandle> helpers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GONE_TIMEOUT_MILLIS);
        while (helpers.stream().anyMatch(CrashBench::running)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("a helper outlived the engine by 10 s");
            Thread.sleep(1);
        }
    }

    private static void rollback(String jar, Path state, Path work) throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", jar, "rollback", "--state", state.toString())
                .redirectErrorStream(true).redirectOutput(new File(work.resolve("rollback.log").toString())).start();
        if (p.waitFor() != 0) throw new IllegalStateException("rollback exited " + p.exitValue() + ": " + Files.readString(work.resolve("rollback.log")));
    }

    /** Alive and not a zombie: a helper that halted but was not reaped yet is gone for every purpose. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z' && process.isAlive();
        } catch (IOException gone) {
            return false;
        }
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
