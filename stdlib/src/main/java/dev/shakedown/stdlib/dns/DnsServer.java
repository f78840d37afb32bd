package dev.shakedown.stdlib.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;

/**
 * Serves a {@link Responder}'s answers on UDP and TCP at one loopback port. Clients ask for A and AAAA at
 * once, so no answer waits for another: late answers (the latency fault) are sent by a scheduler, never by
 * the loops that read queries. A malformed packet is dropped (UDP) or ends its connection (TCP).
 */
final class DnsServer implements AutoCloseable {
    /** Answers over UDP that do not fit are truncated, so the client asks again over TCP (RFC 1035). */
    private static final int UDP_LIMIT = 512;
    /** The largest DNS message: TCP frames it with a two-byte length. */
    private static final int MAX_MESSAGE = 65535;

    private final Responder responder;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(daemons("dns-late"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemons("dns"));

    /** Binds both sockets at {@code port} (0: any free port for both) and starts serving. */
    DnsServer(Responder responder, int port) throws IOException {
        this.responder = responder;
        InetAddress loopback = InetAddress.getByName(DnsOptions.HOST);
        tcp = new ServerSocket();
        try {
            tcp.bind(new InetSocketAddress(loopback, port), 50);
            udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
        } catch (IOException e) {
            tcp.close();
            late.shutdownNow();
            workers.shutdownNow();
            throw new IOException("the dns server cannot listen on " + loopback.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        workers.execute(this::serveUdp);
        workers.execute(this::acceptTcp);
    }

    int port() {
        return tcp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buffer = new byte[MAX_MESSAGE];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
            try {
                answer(query, UDP_LIMIT, wire -> udp.send(new DatagramPacket(wire, wire.length, client)));
            } catch (IOException e) {
                // not a DNS message: dropped, as a server on the internet would
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                connections.add(connection);
                workers.execute(() -> serveTcp(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Several queries per connection, each framed by a two-byte length (RFC 1035 4.2.2). */
    private void serveTcp(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                answer(query, MAX_MESSAGE, wire -> send(out, wire)); // a malformed one ends the connection
            }
        } catch (IOException e) {
            // the client is done, sent a malformed message, or the server closes: this connection ends, no other
        } finally {
            connections.remove(connection);
        }
    }

    private static void send(DataOutputStream out, byte[] wire) throws IOException {
        synchronized (out) { // late answers and prompt ones share the connection
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
        }
    }

    private interface Sender {
        void send(byte[] wire) throws IOException;
    }

    /**
     * Sends the reply to {@code packet}, now or as late as a fault says.
     *
     * @throws IOException when the packet is no DNS message
     */
    private void answer(byte[] packet, int limit, Sender sender) throws IOException {
        Message query = new Message(packet);
        responder.reply(query).ifPresent(reply -> {
            byte[] wire = reply.message().toWire(limit);
            Runnable send = () -> {
                try {
                    sender.send(wire);
                } catch (IOException e) {
                    // the client has gone; nothing to answer
                }
            };
            if (reply.delay().isZero()) send.run();
            else late.schedule(send, reply.delay().toNanos(), TimeUnit.NANOSECONDS);
        });
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing a listening socket loses nothing
        }
        connections.forEach(DnsServer::closeQuietly);
        late.shutdownNow();
        workers.shutdownNow();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the connection is being dropped anyway
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
