package dev.shakedown.stdlib.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe objects read as the design's scripts write them: GString URLs, named options, properties. */
class ScriptUsageTest {
    HttpServer server;
    GroovyShell shell;

    @BeforeEach
    void startServerAndShell() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Binding binding = new Binding();
        binding.setVariable("http", new HttpWord().call(null, Map.of(), List.of()));
        binding.setVariable("tcp", new TcpWord().call(null, Map.of(), List.of()));
        binding.setVariable("port", server.getAddress().getPort());
        shell = new GroovyShell(binding);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void httpAndTcpReadLikeProperties() {
        Object result = shell.evaluate("""
                def base = "http://127.0.0.1:${port}"
                def call = http.get("${base}/health", timeout: java.time.Duration.ofSeconds(1))
                [call.status, call.body, call.latency.toNanos() > 0, tcp.connect("127.0.0.1:${port}").open]
                """);

        assertThat(result).isEqualTo(List.of(200, "ok", true, true));
    }
}
