package dev.shakedown.stdlib.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny service for process tests: listens on the port given as its argument and answers every
 * connection with its own PID, so a test can tell which process serves the port.
 */
public final class PidServer {
    public static void main(String[] args) throws IOException {
        // Never outlive the test JVM that launched it, even if that JVM is killed.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        long pid = ProcessHandle.current().pid();
        // Written before the port opens, so it is in the log by the time the process counts as ready.
        System.out.println("PidServer " + pid + " starting on port " + args[0]);
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write((pid + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
    }

    /** The command that launches it with this JVM and the test classes. */
    public static List<String> command(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(PidServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classes,
                PidServer.class.getName(), String.valueOf(port));
    }

    /** The PID of whatever PidServer answers on the port. */
    public static long servingPid(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            return Long.parseLong(in.readLine().trim());
        }
    }
}
