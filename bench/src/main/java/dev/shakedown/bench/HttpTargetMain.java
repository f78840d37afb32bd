package dev.shakedown.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The load benchmark's target, in a process of its own so that its CPU is not the engine's: the JDK HTTP
 * server on 127.0.0.1:PORT answering every path with 200 {@code ok}, as fast as it can, until it is stopped
 * (the benchmark's script launches it as a process the run owns). Usage: HttpTargetMain PORT
 */
public final class HttpTargetMain {
    private HttpTargetMain() {}

    public static void main(String[] args) throws Exception {
        // the JDK server writes headers and body as two segments; without NODELAY the body waits ~40 ms for an ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 4096);
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("ready " + server.getAddress().getPort());
        System.out.flush();
    }
}
