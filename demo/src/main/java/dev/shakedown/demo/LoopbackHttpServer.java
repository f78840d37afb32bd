package dev.shakedown.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** The JDK HTTP server bound to 127.0.0.1 with GET routes on exact paths; shared by the guardian and the gateway. */
final class LoopbackHttpServer implements AutoCloseable {

    /** What a route answers. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body, Map.of());
        }

        static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }
    }

    static {
        // the JDK server writes the response headers and the body as two segments; with Nagle on, the body waits
        // for the client's delayed ACK of the headers, adding ~40 ms to every answer to a JDK HttpClient. Read
        // once, when the JDK server's configuration first loads, hence set here, before any server exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Connections the kernel queues while the server does not accept (a stopped process, a burst): as many as a
     * production server would configure, so a frozen server's clients wait for it rather than having their
     * connection attempts dropped and retried seconds later (the JDK's default is 50).
     */
    static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    LoopbackHttpServer(int port, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
    }

    /** Answers GET {@code path} (and only that exact path) with {@code handler}, given the decoded query. */
    void get(String path, Function<Map<String, String>, Response> handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                Response response;
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    response = Response.text(404, "not found");
                } else if (!"GET".equals(exchange.getRequestMethod())) {
                    response = Response.text(405, "only GET");
                } else {
                    response = answer(handler, exchange);
                }
                send(exchange, response);
            }
        });
    }

    private static Response answer(Function<Map<String, String>, Response> handler, HttpExchange exchange) {
        try {
            return handler.apply(query(exchange.getRequestURI().getRawQuery()));
        } catch (RuntimeException e) {
            // a bug, not a dependency failure: say so, and keep the stack trace where the operator looks
            e.printStackTrace();
            return Response.text(500, "internal error: " + e);
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return params;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
