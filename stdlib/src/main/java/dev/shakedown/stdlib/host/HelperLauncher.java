package dev.shakedown.stdlib.host;

import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.ProcessHandles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a helper process (a CPU burner, a memory hog): a Java main of the stdlib, run by the engine's own
 * JVM binary with a small heap. The helper is written to the ledger BEFORE it exists; its PID is not
 * known then, so the record carries a unique token that is also on the helper's command line, and a
 * replay finds the helper by it ({@code pkill -f <token>}). The helper watches the engine itself
 * ({@link DeadMansSwitch}), so it is gone within a second of the engine even when no replay runs.
 */
public final class HelperLauncher {
    /** The ledger action of a helper record; data: token, command, parentPid, parentStart. */
    public static final String UNDO_ACTION = "kill-helper";
    /** Quick to start, small, and no hsperfdata file left behind by a halted helper. */
    private static final List<String> JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss256k", "-Xmx32m", "-XX:-UsePerfData");

    private HelperLauncher() {}

    /**
     * @param what       a short name for logs and the ledger, e.g. {@code "cpu burner"}
     * @param prefix     words run before the JVM, e.g. {@code nice -n 10}
     * @param jvmOptions options beyond the small-heap defaults
     * @param arguments  the helper's own {@code --name value} pairs
     */
    public static Helper launch(RunContext run, String what, Class<?> main, List<String> prefix, List<String> jvmOptions,
                                List<String> arguments) throws IOException {
        ProcessHandle engine = ProcessHandle.current();
        long engineStart = ProcessHandles.startMillis(engine)
                .orElseThrow(() -> new IllegalStateException("cannot read the engine's own start time"));
        String token = "shakedown-helper-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(prefix);
        command.add(java());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", locationOf(main), main.getName(),
                HelperArguments.PARENT_PID, String.valueOf(engine.pid()),
                HelperArguments.PARENT_START, String.valueOf(engineStart),
                HelperArguments.TOKEN, token));
        command.addAll(arguments);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", token);
        data.put("command", String.join(" ", command));
        data.put("parentPid", engine.pid());
        data.put("parentStart", engineStart);
        long seq = run.ledgerOpen(what, new UndoRecord(UNDO_ACTION, data, "pkill -f " + token));

        Path log = run.runDirectory().resolve(what.replace(' ', '-') + "-" + token.substring(token.length() - 8) + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException | RuntimeException e) {
            run.ledgerUndone(seq); // nothing was started, so nothing is left to undo
            throw e;
        }
        return new Helper(what, process, token, log, run, seq);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jar or folder the helper's classes come from, wherever that is (IDE, Maven, shaded jar). */
    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            if (source != null) return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            // reported below, like a class with no location at all
        }
        throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
    }
}
