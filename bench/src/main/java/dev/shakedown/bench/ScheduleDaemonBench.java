package dev.shakedown.bench;

import dev.shakedown.stdlib.link.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar shakedown.jar schedule SCRIPT} as a daemon between firings: its CPU while idle, from /proc
 * over IDLE_SECONDS after a warm-up (target: under 0.5 % of one core); then the time it takes to re-read the
 * script on SIGHUP (compile, check, compare with the store), as the daemon logs it, after the first re-read
 * (the JVM has compiled the script once at start and once since: warm). The store is the default H2 file;
 * with {@code --postgres} it is a PostgreSQL this bench starts on loopback ({@link PostgresServer}, as the
 * cluster tests start it), so the daemon runs clustered and checks in every 7.5 s; the server's own CPU
 * (the postmaster and its backends) is read over the same window.
 * Usage: ScheduleDaemonBench JAR SCRIPT WORKDIR IDLE_SECONDS REREADS [--postgres]
 */
public final class ScheduleDaemonBench {
    private static final Pattern REREAD = Pattern.compile("re-read 1 script \\(SIGHUP\\) in (\\d+) ms");
    private static final long WARM_UP_MS = 20_000;

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path script = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        long idleSeconds = Long.parseLong(args[3]);
        int rereads = Integer.parseInt(args[4]);
        boolean clustered = args.length > 5 && args[5].equals("--postgres");
        try (PostgresServer postgres = clustered ? PostgresServer.start() : null) {
            List<String> store = clustered ? List.of("--store", postgres.createDatabase("shakedown")) : List.of();
            Process daemon = start(jar, script, work, store);
            try {
                measureIdle(daemon, idleSeconds, postgres);
                if (rereads > 0) measureRereads(daemon, work.resolve("daemon.log"), script, rereads);
            } finally {
                daemon.destroy();
                daemon.waitFor();
            }
        }
    }

    private static Process start(String jar, Path script, Path work, List<String> store) throws Exception {
        Path log = work.resolve("daemon.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar, "schedule", script.toString(),
                "--state", work.resolve("state").toString(), "--out", work.resolve("out").toString(), "--no-color"));
        command.addAll(store);
        Process daemon = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitFor(log, daemon, "scheduler running on", 1);
            return daemon;
        } catch (Exception e) {
            daemon.destroy();
            daemon.waitFor();
            throw e;
        }
    }

    private static void measureIdle(Process daemon, long idleSeconds, PostgresServer postgres) throws Exception {
        Thread.sleep(WARM_UP_MS);
        long server = postgres == null ? 0 : postgres.pid();
        double cpu0 = Proc.cpuSeconds(daemon.pid());
        double serverCpu0 = postgres == null ? 0 : Proc.treeCpuSeconds(server);
        long t0 = System.nanoTime();
        Thread.sleep(idleSeconds * 1000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (Proc.cpuSeconds(daemon.pid()) - cpu0) / seconds;
        System.out.printf("idle daemon CPU over %d s (%s): %.3f %% of one core (RSS %d MiB)%n", idleSeconds,
                postgres == null ? "H2 store" : "PostgreSQL store, clustered", cpu * 100, Proc.rssKiB(daemon.pid()) / 1024);
        if (postgres != null) {
            double serverCpu = (Proc.treeCpuSeconds(server) - serverCpu0) / seconds;
            System.out.printf("the PostgreSQL server (%d processes) over the same %d s: %.3f %% of one core%n",
                    Proc.treeSize(server), idleSeconds, serverCpu * 100);
        }
    }

    private static void measureRereads(Process daemon, Path log, Path script, int rereads) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 1; i <= rereads + 1; i++) {
            new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).inheritIO().start().waitFor();
            waitFor(log, daemon, "re-read 1 script (SIGHUP)", i);
            Matcher m = REREAD.matcher(Files.readString(log));
            double last = 0;
            while (m.find()) last = Double.parseDouble(m.group(1));
            if (i > 1) ms.add(last);
        }
        System.out.println("warm re-read of " + script.getFileName() + " on SIGHUP: " + Stats.of(ms).format("ms"));
    }

    /** Polls the log until {@code text} appears {@code times} times; the daemon must stay alive meanwhile. */
    private static void waitFor(Path log, Process daemon, String text, int times) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (Files.readString(log).split(Pattern.quote(text), -1).length - 1 < times) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the daemon did not log '" + text + "':\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }
}
