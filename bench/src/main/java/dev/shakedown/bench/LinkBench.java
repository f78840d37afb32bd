package dev.shakedown.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The link without faults against a direct connection and against socat, side by side in one run on
 * loopback: bulk throughput (1 GiB one way, best of 3), 64-byte round trips (p50/p99 of 20,000 after
 * 2,000 to warm up), the relay's CPU seconds per GiB, and its memory with 1,000 idle connections. The link
 * runs in a JVM of its own so that its CPU and memory are its own. Then the fault timings ({@link LinkFaultTiming}).
 *
 * <p>Usage: LinkBench
 */
public final class LinkBench {
    private static final long BULK_BYTES = 1L << 30;
    private static final int BULK_ROUNDS = 3;
    private static final int WARM_UP_ROUND_TRIPS = 2_000;
    private static final int ROUND_TRIPS = 20_000;
    private static final int IDLE_CONNECTIONS = 1_000;

    private record Bulk(double gibPerSecond, double cpuSecondsPerGib) {}

    private record Memory(long rssBeforeKiB, long rssAfterKiB, long pssBeforeKiB, long pssAfterKiB) {}

    public static void main(String[] args) throws Exception {
        try (BenchServer upstream = new BenchServer()) {
            List<Relay> relays = new ArrayList<>();
            try {
                relays.add(Relay.direct(upstream.port()));
                relays.add(Relay.link(upstream.port()));
                relays.add(Relay.socat(upstream.port()));
                compare(relays, upstream);
            } finally {
                for (Relay relay : relays) relay.close();
            }
            LinkFaultTiming.run(upstream);
        }
    }

    private static void compare(List<Relay> relays, BenchServer upstream) throws Exception {
        Map<String, Bulk> bulk = new LinkedHashMap<>();
        for (int round = 0; round < BULK_ROUNDS; round++) {
            for (Relay relay : relays) {
                Bulk b = bulk(relay, upstream);
                bulk.merge(relay.name, b, (best, next) -> next.gibPerSecond() > best.gibPerSecond() ? next : best);
            }
        }
        Map<String, Stats> rtt = new LinkedHashMap<>();
        for (Relay relay : relays) rtt.put(relay.name, roundTrips(relay));
        Map<String, Memory> memory = new LinkedHashMap<>();
        for (Relay relay : relays) if (relay.measurable()) memory.put(relay.name, idle(relay));

        double direct = rtt.get("direct").median();
        System.out.printf("%-8s %12s %14s %12s %12s %14s %18s %18s%n", "relay", "GiB/s", "CPU s per GiB",
                "rtt p50 us", "rtt p99 us", "p50 added us", "RSS MiB idle/1000", "PSS MiB idle/1000");
        for (Relay relay : relays) {
            Bulk b = bulk.get(relay.name);
            Stats r = rtt.get(relay.name);
            Memory m = memory.get(relay.name);
            System.out.printf("%-8s %12.2f %14s %12.1f %12.1f %14.1f %18s %18s%n", relay.name, b.gibPerSecond(),
                    relay.measurable() ? String.format("%.2f", b.cpuSecondsPerGib()) : "-", r.median(), r.p99(), r.median() - direct,
                    m == null ? "-" : mib(m.rssBeforeKiB()) + " / " + mib(m.rssAfterKiB()),
                    m == null ? "-" : mib(m.pssBeforeKiB()) + " / " + mib(m.pssAfterKiB()));
        }
        System.out.printf("link/socat throughput: %.2f (target >= 0.8); link/socat added p50: %.2f (target <= 1)%n",
                bulk.get("link").gibPerSecond() / bulk.get("socat").gibPerSecond(),
                (rtt.get("link").median() - direct) / (rtt.get("socat").median() - direct));
    }

    private static String mib(long kib) {
        return String.format("%.1f", kib / 1024.0);
    }

    /** One GiB one way; timed from the first write to the upstream's receipt of the last byte. */
    private static Bulk bulk(Relay relay, BenchServer upstream) throws Exception {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port))) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer header = ByteBuffer.allocate(9).put((byte) BenchServer.DISCARD).putLong(BULK_BYTES).flip();
            while (header.hasRemaining()) channel.write(header);
            var cpuBefore = relay.cpuSeconds();
            ByteBuffer data = ByteBuffer.allocateDirect(128 * 1024);
            long start = System.nanoTime();
            for (long sent = 0; sent < BULK_BYTES; ) {
                data.clear().limit((int) Math.min(data.capacity(), BULK_BYTES - sent));
                sent += channel.write(data);
            }
            BenchServer.Received received = upstream.nextDiscarded();
            double gib = received.bytes() / (double) (1L << 30);
            double seconds = (received.endNanos() - start) / 1e9;
            return new Bulk(gib / seconds, relay.cpuSecondsSince(cpuBefore) / gib);
        }
    }

    /** Round-trip times of 64-byte messages through the relay to the echo, in microseconds. */
    private static Stats roundTrips(Relay relay) throws IOException {
        try (Socket socket = connect(relay)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(BenchServer.ECHO);
            byte[] ping = new byte[64];
            List<Double> micros = new ArrayList<>(ROUND_TRIPS);
            for (int i = 0; i < WARM_UP_ROUND_TRIPS + ROUND_TRIPS; i++) {
                long start = System.nanoTime();
                out.write(ping);
                if (in.readNBytes(ping, 0, ping.length) != ping.length) throw new IOException("the echo ended early");
                if (i >= WARM_UP_ROUND_TRIPS) micros.add((System.nanoTime() - start) / 1e3);
            }
            return Stats.of(micros);
        }
    }

    /** The relay's memory before and with 1,000 connections, each carried one round trip so it is all set up. */
    private static Memory idle(Relay relay) throws IOException {
        long rssBefore = relay.rssKiB();
        long pssBefore = relay.pssKiB();
        List<Socket> sockets = new ArrayList<>();
        try {
            byte[] ping = new byte[64];
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                Socket socket = connect(relay);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(BenchServer.ECHO);
                out.write(ping);
                if (socket.getInputStream().readNBytes(ping, 0, ping.length) != ping.length) throw new IOException("no echo");
            }
            return new Memory(rssBefore, relay.rssKiB(), pssBefore, relay.pssKiB());
        } finally {
            for (Socket socket : sockets) socket.close();
        }
    }

    private static Socket connect(Relay relay) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port);
        socket.setTcpNoDelay(true);
        return socket;
    }
}
