package dev.shakedown.stdlib.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether a TCP port accepts a connection; tried once, on the first read, then remembered. */
public final class TcpCheck {
    private final String host;
    private final int port;
    private final Duration timeout;
    private Boolean open;
    private Duration latency;

    TcpCheck(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** True if the connection was accepted within the timeout. */
    public synchronized boolean isOpen() {
        if (open == null) {
            long start = System.nanoTime();
            try (Socket socket = new Socket()) {
                // at least 1 ms: to Socket.connect a timeout of 0 means waiting forever
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
                open = true;
            } catch (IOException e) {
                open = false;
            }
            latency = Duration.ofNanos(System.nanoTime() - start);
        }
        return open;
    }

    /** How long the connection took to be accepted or refused (the timeout when nothing answered). */
    public synchronized Duration getLatency() {
        isOpen();
        return latency;
    }

    @Override
    public String toString() {
        return "tcp " + host + ":" + port;
    }
}
