package dev.shakedown.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The upstream of the link benchmark, on 127.0.0.1, a thread per connection (the fastest a loopback peer
 * can answer). A client's first byte chooses: {@code E} echoes everything back; {@code D}, followed by a
 * length (8 bytes), discards that many bytes and reports when the last one came. The connection stays
 * open until the client closes it, so a relay's process for it is still there to be measured.
 */
final class BenchServer implements AutoCloseable {
    static final int ECHO = 'E';
    static final int DISCARD = 'D';

    record Received(long bytes, long endNanos) {}

    private final ServerSocket server = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Received> discarded = new LinkedBlockingQueue<>();

    BenchServer() throws IOException {
        Thread acceptor = new Thread(this::acceptLoop, "bench-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** What the next discarding connection received, once all of it came. */
    Received nextDiscarded() throws InterruptedException {
        Received r = discarded.poll(120, TimeUnit.SECONDS);
        if (r == null) throw new IllegalStateException("no transfer ended within 120 s");
        return r;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread serve = new Thread(() -> serve(socket), "bench-upstream-connection");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        byte[] buffer = new byte[128 * 1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int mode = in.read();
            long expected = mode == DISCARD ? new DataInputStream(in).readLong() : Long.MAX_VALUE;
            long bytes = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (mode == ECHO) out.write(buffer, 0, n);
                bytes += n;
                if (bytes == expected) discarded.add(new Received(bytes, System.nanoTime()));
            }
        } catch (IOException e) {
            // the client went away: a benchmark closing its connections
        } finally {
            sockets.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) socket.close();
    }
}
