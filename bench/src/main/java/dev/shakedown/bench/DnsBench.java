package dev.shakedown.bench;

import dev.shakedown.stdlib.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The run's DNS server against dnsmasq (Debian) serving the same A record with the same TTL (0), measured in
 * turns by the same client ({@link DnsQueryClient}) in one run on loopback: queries per second with several
 * clients in flight, and the latency of one client alone (p50/p99). Usage: DnsBench [ROUNDS]
 */
public final class DnsBench {
    private static final String NAME = "guardian.demo.internal";
    private static final int CLIENTS = 4;
    private static final long ROUND_MILLIS = 3_000;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, Process> servers = new LinkedHashMap<>();
        Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
        try {
            int ours = FreePorts.pick();
            servers.put("shakedown dns", start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                    DnsServerMain.class.getName(), Integer.toString(ours), NAME)));
            addresses.put("shakedown dns", loopback(ours));
            int theirs = FreePorts.pick();
            servers.put("dnsmasq", start(List.of("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv",
                    "--no-hosts", "--no-poll", "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + theirs,
                    "--host-record=" + NAME + ",127.0.0.1", "--local-ttl=0", "--pid-file=")));
            addresses.put("dnsmasq", loopback(theirs));
            compare(addresses, rounds);
        } finally {
            for (Process p : servers.values()) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }

    private static void compare(Map<String, InetSocketAddress> servers, int rounds) throws Exception {
        for (InetSocketAddress server : servers.values()) DnsQueryClient.run(server, NAME, CLIENTS, 1_000); // warm-up
        Map<String, List<Double>> qps = new LinkedHashMap<>();
        Map<String, Histogram> single = new LinkedHashMap<>(), loadedLatency = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (var server : servers.entrySet()) {
                DnsQueryClient.Result loaded = DnsQueryClient.run(server.getValue(), NAME, CLIENTS, ROUND_MILLIS);
                check(server.getKey(), loaded);
                qps.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(loaded.queriesPerSecond());
                loadedLatency.computeIfAbsent(server.getKey(), k -> new Histogram(3)).add(loaded.latencyMicros());
                DnsQueryClient.Result alone = DnsQueryClient.run(server.getValue(), NAME, 1, ROUND_MILLIS / 3);
                check(server.getKey(), alone);
                single.computeIfAbsent(server.getKey(), k -> new Histogram(3)).add(alone.latencyMicros());
            }
        }
        System.out.printf("%d rounds; %d clients x %d ms per round for throughput, 1 client x %d ms for latency%n",
                rounds, CLIENTS, ROUND_MILLIS, ROUND_MILLIS / 3);
        for (String name : servers.keySet()) {
            Stats q = Stats.of(qps.get(name));
            Histogram h = single.get(name), l = loadedLatency.get(name);
            System.out.printf("%-14s queries/s median %.0f (min %.0f max %.0f), p50 %d us, p99 %d us under that load;"
                            + " one client alone: p50 %d us, p99 %d us, n=%d%n",
                    name, q.median(), qps.get(name).stream().mapToDouble(Double::doubleValue).min().orElse(0), q.max(),
                    l.getValueAtPercentile(50), l.getValueAtPercentile(99),
                    h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getTotalCount());
        }
        List<String> names = new ArrayList<>(servers.keySet());
        System.out.printf("ratio %s / %s: throughput %.2f%n", names.get(0), names.get(1),
                Stats.of(qps.get(names.get(0))).median() / Stats.of(qps.get(names.get(1))).median());
    }

    private static void check(String server, DnsQueryClient.Result result) {
        if (result.failed() > 0 || result.lost() > 0) {
            System.out.printf("%s: %d wrong answers, %d lost%n", server, result.failed(), result.lost());
        }
    }

    private static Process start(List<String> command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static InetSocketAddress loopback(int port) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (DnsQueryClient.run(address, NAME, 1, 200).queriesPerSecond() > 0) return address;
        }
        throw new IllegalStateException("no DNS answers on " + address + " within 20 s");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }
}
