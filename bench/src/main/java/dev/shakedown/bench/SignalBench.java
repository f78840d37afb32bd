package dev.shakedown.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Signal to exit: runs {@code shakedown run SCRIPT --param hold=10min} (a new JVM each time, as a person or a CI
 * job runs it), waits until the fault is in effect and held, sends SIGTERM or SIGINT (alternately) and measures
 * until the process has exited, which it does after rolling back, stopping what it launched and writing the
 * evidence. Each run must exit 3. SIGTERM is sent from this JVM; SIGINT through {@code kill -INT}, whose start
 * is counted. A run that ends before the hold (its steady state did not hold on a host loaded by other work, or
 * another program took a port the run had picked) is repeated, and said. Prints the host's load average, since
 * the figure depends on it.
 *
 * <p>Usage: SignalBench JAR SCRIPT WORKDIR RUNS
 */
public final class SignalBench {
    private static final String HOLDING = "expect failClosed within 1s";

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path script = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Double> sigterm = new ArrayList<>();
        List<Double> sigint = new ArrayList<>();
        int repeated = 0;
        System.out.println("load average before: " + loadAverage());
        for (int run = 0; sigterm.size() + sigint.size() < runs; run++) {
            boolean term = sigterm.size() <= sigint.size();
            Path dir = Files.createDirectories(work.resolve("signal-" + run));
            Process cli = new ProcessBuilder(java, "-jar", jar, "run", script.toString(), "--param", "hold=10min",
                    "--out", dir.resolve("artifacts").toString(), "--state", dir.resolve("state").toString(), "--no-color")
                    .redirectErrorStream(true).start();
            try {
                StringBuffer output = new StringBuffer();
                if (!awaitLine(cli, HOLDING, output)) {
                    if (++repeated > runs) throw new IllegalStateException("too many runs did not reach the hold");
                    continue;
                }
                long sent = System.nanoTime();
                if (term) cli.toHandle().destroy();
                else new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start();
                if (!cli.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("run " + run + " did not exit");
                double ms = (System.nanoTime() - sent) / 1e6;
                if (cli.exitValue() != 3) throw new IllegalStateException("run " + run + " exited " + cli.exitValue() + ":\n" + output);
                (term ? sigterm : sigint).add(ms);
            } finally {
                cli.descendants().forEach(ProcessHandle::destroyForcibly);
                cli.destroyForcibly();
            }
        }
        System.out.println("load average after: " + loadAverage() + "; runs repeated: " + repeated);
        System.out.println("SIGTERM -> exit 3: " + Stats.of(sigterm).format("ms"));
        System.out.println("SIGINT -> exit 3: " + Stats.of(sigint).format("ms"));
        List<Double> all = new ArrayList<>(sigterm);
        all.addAll(sigint);
        System.out.println("either -> exit 3: " + Stats.of(all).format("ms"));
    }

    /**
     * Reads the CLI's output on a thread of its own (it must be drained to the end) until {@code text} shows; false
     * if the run ended before.
     */
    private static boolean awaitLine(Process cli, String text, StringBuffer output) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.contains(text)) seen.countDown();
                }
            } catch (java.io.IOException e) {
                // the process is gone; the wait below says what it printed
            }
            seen.countDown();
        }, "cli-output");
        reader.setDaemon(true);
        reader.start();
        boolean answered = seen.await(2, TimeUnit.MINUTES);
        if (answered && output.toString().contains(text)) return true;
        if (answered && cli.waitFor(10, TimeUnit.SECONDS)) {
            System.out.println("repeated: a run exited " + cli.exitValue() + " before the hold: "
                    + output.toString().lines().filter(l -> l.contains("FAILED") || l.contains(": ")).findFirst().orElse("").trim());
            return false;
        }
        throw new IllegalStateException("no '" + text + "' within 2 minutes; the run printed:\n" + output);
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
