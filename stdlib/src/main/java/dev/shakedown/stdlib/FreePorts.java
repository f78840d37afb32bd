package dev.shakedown.stdlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback TCP ports that nothing listens on right now, for parts of the system a run will start. */
public final class FreePorts {
    private FreePorts() {}

    /**
     * {@code count} distinct free ports. All sockets stay bound until every port is chosen, so the kernel
     * cannot hand out the same port twice.
     */
    public static List<Integer> pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    public static int pick() {
        return pick(1).get(0);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that only ever listened cannot lose anything
        }
    }
}
