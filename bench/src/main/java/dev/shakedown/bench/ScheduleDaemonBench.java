package dev.shakedown.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar shakedown.jar schedule SCRIPT} as a daemon between firings (default H2 store): its CPU
 * while idle, from /proc over a minute after a warm-up (target: under 0.5 % of one core); then the time it
 * takes to re-read the script on SIGHUP (compile, check, compare with the store), as the daemon logs it,
 * after the first re-read (the JVM has compiled the script once at start and once since: warm).
 * Usage: ScheduleDaemonBench JAR SCRIPT WORKDIR IDLE_SECONDS REREADS
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
        Path log = work.resolve("daemon.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process daemon = new ProcessBuilder(java, "-jar", jar, "schedule", script.toString(), "--state", work.resolve("state").toString(),
                "--out", work.resolve("out").toString(), "--no-color").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitFor(log, daemon, "scheduler running on", 1);
            Thread.sleep(WARM_UP_MS);
            double cpu0 = Proc.cpuSeconds(daemon.pid());
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000);
            double cpu = (Proc.cpuSeconds(daemon.pid()) - cpu0) / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("idle daemon CPU over %d s: %.3f %% of one core (RSS %d MiB)%n", idleSeconds, cpu * 100,
                    Proc.rssKiB(daemon.pid()) / 1024);

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
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
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
