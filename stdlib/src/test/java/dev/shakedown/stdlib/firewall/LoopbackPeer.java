package dev.shakedown.stdlib.firewall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Both ends of a TCP dependency in one process, run inside a test's network namespace: an echo server on
 * 127.0.0.1:PORT and a client that the test drives through stdin, one command a line, one answer a line
 * ({@code ok} or {@code failed <exception>: <message>}):
 * <ul>
 *   <li>{@code connect MS}: a new connection, one line echoed, closed; MS bounds the connect and the read;</li>
 *   <li>{@code open MS}: opens the connection that stays, replacing the one before;</li>
 *   <li>{@code ping MS}: one line echoed over the connection that stays.</li>
 * </ul>
 * Packets between the two go through the namespace's firewall like any others on loopback.
 */
public final class LoopbackPeer {
    private static Socket kept;
    private static BufferedReader keptIn;
    private static int pings;

    public static void main(String[] args) throws IOException {
        // Never outlive the test JVM that launched it, even if that JVM is killed.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        int port = Integer.parseInt(args[0]);
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(server), "echo-server");
        acceptor.setDaemon(true);
        acceptor.start();

        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null; ) {
            String[] words = line.split(" ");
            int millis = Integer.parseInt(words[1]);
            try {
                switch (words[0]) {
                    case "connect" -> connect(port, millis);
                    case "open" -> open(port, millis);
                    case "ping" -> ping(millis);
                    default -> throw new IllegalArgumentException("unknown command " + words[0]);
                }
                out.println("ok");
            } catch (Exception e) {
                out.println("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        System.exit(0);
    }

    private static void connect(int port, int millis) throws IOException {
        try (Socket socket = connected(port, millis);
             BufferedReader in = reader(socket)) {
            send(socket, "hello");
            if (!"hello".equals(in.readLine())) throw new IOException("the echo did not come back");
        }
    }

    private static void open(int port, int millis) throws IOException {
        if (kept != null) kept.close();
        kept = connected(port, millis);
        keptIn = reader(kept);
    }

    /** Older echoes that arrive late (a stalled ping, delivered once the path is open again) are skipped. */
    private static void ping(int millis) throws IOException {
        if (kept == null) throw new IOException("no connection is open");
        String ping = "ping " + ++pings;
        kept.setSoTimeout(millis);
        send(kept, ping);
        for (String echo; (echo = keptIn.readLine()) != null; ) {
            if (echo.equals(ping)) return;
        }
        throw new IOException("the connection was closed");
    }

    private static Socket connected(int port, int millis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), millis);
            socket.setSoTimeout(millis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(Socket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void serve(ServerSocket server) {
        while (true) {
            try {
                Socket client = server.accept();
                Thread echo = new Thread(() -> echo(client), "echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket client) {
        try (client; BufferedReader in = reader(client)) {
            for (String line; (line = in.readLine()) != null; ) send(client, line);
        } catch (IOException e) {
            // the client went away (or was reset by a fault): nothing to echo any more
        }
    }
}
