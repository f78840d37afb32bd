package dev.shakedown.bench;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The one client every DNS server in the benchmark is measured with: {@code clients} threads, each with its
 * own UDP socket and one query in flight (A for one name), for a fixed time. A query unanswered within a
 * second, or refused because nothing listens yet, counts as lost.
 */
final class DnsQueryClient {
    record Result(double queriesPerSecond, Histogram latencyMicros, long lost, long failed) {}

    private DnsQueryClient() {}

    static Result run(InetSocketAddress server, String name, int clients, long millis) throws Exception {
        Record question = Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN);
        Recorder recorder = new Recorder(3);
        LongAdder answered = new LongAdder(), lost = new LongAdder(), failed = new LongAdder();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> query(server, question, end, recorder, answered, lost, failed), "dns-client-" + i);
            threads.add(t);
            t.start();
        }
        long started = System.nanoTime();
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(answered.sum() / seconds, recorder.getIntervalHistogram(), lost.sum(), failed.sum());
    }

    private static void query(InetSocketAddress server, Record question, long end, Recorder recorder,
                              LongAdder answered, LongAdder lost, LongAdder failed) {
        byte[] buffer = new byte[512];
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.setSoTimeout(1000);
            while (System.nanoTime() < end) {
                Message query = Message.newQuery(question);
                byte[] wire = query.toWire();
                long sent = System.nanoTime();
                socket.send(new DatagramPacket(wire, wire.length));
                try {
                    Message answer;
                    do {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        answer = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                    } while (answer.getHeader().getID() != query.getHeader().getID()); // a late answer to a lost query
                    recorder.recordValue((System.nanoTime() - sent) / 1000);
                    if (answer.getRcode() == Rcode.NOERROR && !answer.getSection(org.xbill.DNS.Section.ANSWER).isEmpty()) {
                        answered.increment();
                    } else {
                        failed.increment();
                    }
                } catch (SocketTimeoutException | PortUnreachableException e) {
                    lost.increment(); // unreachable: the server is not up yet
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("DNS client failed: " + e.getMessage(), e);
        }
    }
}
