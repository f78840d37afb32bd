package dev.shakedown.bench;

import dev.shakedown.engine.ledger.Ledger;
import dev.shakedown.engine.ledger.LedgerReplay;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The time to replay a ledger of 100 open records left by a dead run: 40 fill files to delete, 30 clock
 * offset files to reset, 20 live launched processes to kill (SIGTERM) and 10 stopped ones to SIGCONT, all
 * real. In process (LedgerReplay, warm) and cold ({@code java -jar shakedown.jar rollback}, a new JVM).
 * Usage: RollbackBench WORKDIR JAR ROUNDS
 */
public final class RollbackBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String jar = args[1];
        int rounds = Integer.parseInt(args[2]);
        Registry registry = Registry.fromClasspath();
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        for (int round = 0; round < rounds * 2 + 3; round++) {
            Path state = work.resolve("rollback-" + round);
            List<Process> children = seed(state);
            boolean isCold = round >= rounds + 3;
            long t0 = System.nanoTime();
            if (isCold) {
                String java = ProcessHandle.current().info().command().orElse("java");
                Process p = new ProcessBuilder(java, "-jar", jar, "rollback", "--state", state.toString())
                        .redirectOutput(new File("/dev/null")).redirectErrorStream(true).start();
                if (p.waitFor() != 0) throw new IllegalStateException("rollback exited " + p.exitValue());
            } else {
                LedgerReplay.Report report = new LedgerReplay(registry.undoActions()).replay(state);
                if (!report.clean() || report.undone().size() != 100) throw new IllegalStateException("replay left " + report.left());
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (isCold) cold.add(ms);
            else if (round >= 3) warm.add(ms);
            if (!LedgerReplay.list(state).isEmpty()) throw new IllegalStateException("records left open");
            for (Process c : children) {
                c.destroyForcibly();
                c.waitFor(5, TimeUnit.SECONDS);
            }
        }
        System.out.println("rollback of 100 open records, in process (warm): " + Stats.of(warm).format("ms"));
        System.out.println("rollback of 100 open records, cold 'shakedown rollback' (new JVM): " + Stats.of(cold).format("ms"));
    }

    private static List<Process> seed(Path state) throws Exception {
        Path files = Files.createDirectories(state.resolve("runs/dead/files"));
        List<Process> children = new ArrayList<>();
        try (Ledger ledger = Ledger.open(state, "dead")) {
            for (int i = 0; i < 40; i++) {
                Path fill = Files.write(files.resolve("fill-" + i), new byte[4096]);
                ledger.open("fault", "disk " + i, new UndoRecord("delete-file", Map.of("path", fill.toString(), "size", 4096), "rm " + fill));
            }
            for (int i = 0; i < 30; i++) {
                Path offset = Files.writeString(files.resolve("p" + i + ".offset"), "+30\n");
                ledger.open("fault", "clockSkew " + i, new UndoRecord("write-file", Map.of("path", offset.toString(), "content", "+0"), "echo +0 > " + offset));
            }
            for (int i = 0; i < 30; i++) {
                Process sleep = new ProcessBuilder("sleep", "600").start();
                children.add(sleep);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("pid", sleep.pid());
                data.put("startTime", sleep.toHandle().info().startInstant().orElseThrow().toEpochMilli());
                if (i < 20) {
                    data.put("command", "sleep 600");
                    ledger.open("resource", "sleep " + i, new UndoRecord("kill-process", data, "kill " + sleep.pid()));
                } else {
                    new ProcessBuilder("kill", "-STOP", String.valueOf(sleep.pid())).start().waitFor();
                    ledger.open("fault", "stop " + i, new UndoRecord("sigcont", data, "kill -CONT " + sleep.pid()));
                }
            }
        }
        return children;
    }
}
