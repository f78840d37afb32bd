package dev.shakedown.bench;

import dev.shakedown.stdlib.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A way to the benchmark's upstream: directly, through a link in a JVM of its own, or through socat. A relay
 * that is a process can be measured: its CPU time and memory, with those of the processes it forked.
 */
final class Relay implements AutoCloseable {
    final String name;
    final int port;
    private final Optional<Process> process;
    /** The link process ends when its standard input does; socat is terminated, with its forks. */
    private final boolean stopsWhenInputEnds;

    private Relay(String name, int port, Optional<Process> process, boolean stopsWhenInputEnds) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.stopsWhenInputEnds = stopsWhenInputEnds;
    }

    static Relay direct(int upstreamPort) {
        return new Relay("direct", upstreamPort, Optional.empty(), false);
    }

    /** A link in a JVM of its own, with a heap cap an engine would have. */
    static Relay link(int upstreamPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BenchLinks.class.getName(), String.valueOf(upstreamPort))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String port = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        if (port == null) throw new IllegalStateException("the link process ended before it listened");
        return new Relay("link", Integer.parseInt(port.trim()), Optional.of(process), true);
    }

    /** socat as the issue names it: one process per connection, 128 KiB buffers; bound to loopback only. */
    static Relay socat(int upstreamPort) throws Exception {
        int port = FreePorts.pick();
        Process process;
        try {
            process = new ProcessBuilder("socat", "-b", "131072",
                    "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork,backlog=1024", "TCP:127.0.0.1:" + upstreamPort)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("socat is not installed: apt-get install -y socat", e);
        }
        Relay relay = new Relay("socat", port, Optional.of(process), false);
        relay.awaitListening();
        return relay;
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + port + " within 5 s");
    }

    boolean measurable() {
        return process.isPresent();
    }

    /** The relay's process and the ones it forked (socat: one per connection). */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        process.ifPresent(p -> {
            pids.add(p.pid());
            p.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    Map<Long, Double> cpuSeconds() throws IOException {
        Map<Long, Double> cpu = new HashMap<>();
        for (long pid : pids()) cpu.put(pid, Proc.cpuSeconds(pid));
        return cpu;
    }

    /** CPU seconds used since {@code before} by the processes there are now (a process forked since counts in full). */
    double cpuSecondsSince(Map<Long, Double> before) throws IOException {
        double used = 0;
        for (var now : cpuSeconds().entrySet()) used += now.getValue() - before.getOrDefault(now.getKey(), 0.0);
        return used;
    }

    long rssKiB() throws IOException {
        long sum = 0;
        for (long pid : pids()) sum += Proc.rssKiB(pid);
        return sum;
    }

    long pssKiB() throws IOException {
        long sum = 0;
        for (long pid : pids()) sum += Proc.pssKiB(pid);
        return sum;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isEmpty()) return;
        Process p = process.get();
        if (stopsWhenInputEnds) {
            try {
                p.getOutputStream().close();
            } catch (IOException e) {
                p.destroy();
            }
        } else {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }
}
