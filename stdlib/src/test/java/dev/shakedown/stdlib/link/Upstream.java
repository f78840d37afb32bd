package dev.shakedown.stdlib.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A dependency for link tests, on 127.0.0.1: either echoes every byte back, or hands each accepted
 * socket to the test ({@link #nextAccepted}) so the test plays the server itself. close() closes all.
 */
final class Upstream implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    private Upstream(int port, Consumer<Socket> handler) throws IOException {
        server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> acceptLoop(handler), "upstream-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Echoes what it gets, on a free port. */
    static Upstream echo() throws IOException {
        return echo(0);
    }

    static Upstream echo(int port) throws IOException {
        return new Upstream(port, Upstream::echoUntilClosed);
    }

    /** Hands each connection to the test. */
    static Upstream handing() throws IOException {
        Upstream[] self = new Upstream[1];
        self[0] = new Upstream(0, socket -> self[0].accepted.add(socket));
        return self[0];
    }

    int port() {
        return server.getLocalPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    Socket nextAccepted() throws InterruptedException {
        Socket socket = accepted.poll(5, TimeUnit.SECONDS);
        if (socket == null) throw new AssertionError("no connection reached the upstream within 5 s");
        return socket;
    }

    private void acceptLoop(Consumer<Socket> handler) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                handler.accept(socket);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void echoUntilClosed(Socket socket) {
        Thread echo = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) out.write(buffer, 0, n);
            } catch (SocketException e) {
                // the peer reset the connection: a test of resets does that
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "echo");
        echo.setDaemon(true);
        echo.start();
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : sockets) socket.close();
        acceptor.join(5_000);
    }
}
