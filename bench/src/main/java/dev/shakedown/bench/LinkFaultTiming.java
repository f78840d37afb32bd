package dev.shakedown.bench;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.stdlib.link.Link;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast a link fault takes effect and heals, in the engine's own JVM as in a run. A client streams
 * timestamped 16-byte messages through the link every 50 µs or so and reads their echoes. From a fault
 * step's start (the call of {@code apply}): (1) apply's return, when the fault is in force on every open
 * connection; (2) the sending of the first affected message, the first one held 25 ms or more. From the
 * heal's start (the call of {@code rollback}): (3) its return; (4) the first held message delivered.
 */
final class LinkFaultTiming {
    private static final int TRIALS = 30;
    private static final long HELD_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final int MAX_MESSAGES = 2_000_000;

    /** When each message was sent and when its echo came back, by sequence number. */
    private static final class Echoes {
        final long[] sent = new long[MAX_MESSAGES];
        final long[] arrived = new long[MAX_MESSAGES];
        private int count;

        synchronized void add(int seq, long sentAt, long arrivedAt) {
            sent[seq] = sentAt;
            arrived[seq] = arrivedAt;
            count = seq + 1;
        }

        synchronized int count() {
            return count;
        }

        /** When the first message held by the fault was sent. */
        long firstHeldSentAfter(long start) {
            for (int i = count() - 1; i >= 0 && sent[i] >= start - HELD_NANOS; i--) {
                boolean held = arrived[i] - sent[i] >= HELD_NANOS;
                if (held && (i == 0 || arrived[i - 1] - sent[i - 1] < HELD_NANOS)) return sent[i];
            }
            throw new IllegalStateException("no message was held by the fault");
        }

        /** When the first message sent while the fault was in force came back after the heal began. */
        long firstArrivalAfter(long applyStart, long healStart) {
            long first = Long.MAX_VALUE;
            for (int i = count() - 1; i >= 0 && sent[i] >= applyStart; i--) {
                if (sent[i] < healStart && arrived[i] >= healStart) first = Math.min(first, arrived[i]);
            }
            return first;
        }
    }

    private LinkFaultTiming() {}

    static void run(BenchServer upstream) throws Exception {
        Path dir = Files.createTempDirectory("shakedown-link-faults");
        BenchRun run = new BenchRun(dir);
        Link link = BenchLinks.start(run, upstream.port());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(BenchServer.ECHO);
            Echoes echoes = new Echoes();
            Thread reader = new Thread(() -> readEchoes(socket, echoes), "bench-echo-reader");
            Thread sender = new Thread(() -> stream(socket), "bench-stream");
            reader.setDaemon(true);
            sender.setDaemon(true);
            reader.start();
            sender.start();
            Registry registry = Registry.fromClasspath();
            // As the engine does before the first scenario of a run that uses these faults.
            registry.injector("latency").orElseThrow().warmUp();
            registry.injector("partition").orElseThrow().warmUp();
            measure(registry, run, "latency(200ms, upstream)", new FaultSpec("latency", List.of(BenchLinks.NAME, "200ms"),
                    Map.of("direction", "upstream"), SourceRef.UNKNOWN), echoes);
            measure(registry, run, "partition(upstream)", new FaultSpec("partition", List.of(BenchLinks.NAME),
                    Map.of("direction", "upstream"), SourceRef.UNKNOWN), echoes);
            sender.interrupt();
        } finally {
            link.close();
            BenchLinks.delete(dir);
        }
    }

    /** Applies the fault, heals it 50 ms later (so a 200 ms delay still holds data), and times both. */
    private static void measure(Registry registry, BenchRun run, String what, FaultSpec spec, Echoes echoes) throws Exception {
        List<Double> applied = new ArrayList<>();
        List<Double> firstAffected = new ArrayList<>();
        List<Double> healed = new ArrayList<>();
        List<Double> firstReleased = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            TimeUnit.MILLISECONDS.sleep(30);
            Fault fault = registry.injector(spec.type()).orElseThrow().prepare(spec, run);
            long start = System.nanoTime();
            fault.apply();
            applied.add(millisSince(start));
            TimeUnit.MILLISECONDS.sleep(50);
            long healStart = System.nanoTime();
            fault.rollback();
            healed.add(millisSince(healStart));
            TimeUnit.MILLISECONDS.sleep(60); // the held messages come back
            firstAffected.add((echoes.firstHeldSentAfter(start) - start) / 1e6);
            firstReleased.add((echoes.firstArrivalAfter(start, healStart) - healStart) / 1e6);
        }
        report(what + ": step start -> apply returned (in force on all open connections)", applied);
        report(what + ": step start -> first affected byte sent", firstAffected);
        report(what + ": heal start -> rollback returned", healed);
        report(what + ": heal start -> first held byte delivered", firstReleased);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** The first injection of a run loads code the others find loaded: it is reported on its own. */
    private static void report(String what, List<Double> millis) {
        System.out.printf("%s: first %.3f ms; then %s%n", what, millis.get(0), Stats.of(millis.subList(1, millis.size())).format("ms"));
    }

    private static void stream(Socket socket) {
        ByteBuffer message = ByteBuffer.allocate(16);
        try {
            OutputStream out = socket.getOutputStream();
            for (long seq = 0; seq < MAX_MESSAGES && !Thread.currentThread().isInterrupted(); seq++) {
                out.write(message.clear().putLong(seq).putLong(System.nanoTime()).array());
                LockSupport.parkNanos(50_000);
            }
        } catch (IOException e) {
            // the link closed at the end of the benchmark
        }
    }

    private static void readEchoes(Socket socket, Echoes echoes) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int seq = (int) in.readLong();
                long sentAt = in.readLong();
                echoes.add(seq, sentAt, System.nanoTime());
            }
        } catch (IOException e) {
            // the link closed at the end of the benchmark
        }
    }
}
