package dev.shakedown.stdlib.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.spi.LoadAction.LoadOutcome;
import dev.shakedown.stdlib.FreePorts;
import groovy.lang.GString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.codehaus.groovy.runtime.GStringImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
    HttpServer server;
    String base;
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch releaseSlow = new CountDownLatch(1);
    Http http = (Http) new HttpWord().call(null, Map.of(), List.of());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> answer(exchange, 200, "hello", Map.of("X-Served-By", "test")));
        server.createContext("/closed", exchange -> answer(exchange, 503, "no", Map.of("X-Fail-Closed", "guardian")));
        server.createContext("/broken", exchange -> answer(exchange, 500, "oops", Map.of()));
        server.createContext("/echo", exchange -> answer(exchange, 200,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.of()));
        server.createContext("/slow", exchange -> {
            awaitRelease();
            answer(exchange, 200, "late", Map.of());
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        releaseSlow.countDown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        requests.incrementAndGet();
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            releaseSlow.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void readsStatusBodyHeadersAndLatencyFromOneRequest() {
        GString url = new GStringImpl(new Object[] {base}, new String[] {"", "/ok"});
        HttpCall call = http.get(url);

        assertThat(call.getStatus()).isEqualTo(200);
        assertThat(call.getBody()).isEqualTo("hello");
        assertThat(call.header("x-served-by")).isEqualTo("test");
        assertThat(call.getHeaders()).containsKey("X-Served-By");
        assertThat(call.getLatency()).isPositive();
        assertThat(requests).hasValue(1);
    }

    @Test
    void performSendsANewRequestEveryTimeAndTellsFailClosedFromErrors() throws Exception {
        HttpCall closed = http.get(base + "/closed");

        LoadOutcome first = closed.perform();
        LoadOutcome second = closed.perform();

        assertThat(requests).hasValue(2);
        assertThat(first).isEqualTo(new LoadOutcome(503, "guardian"));
        assertThat(second.error()).isFalse();
        assertThat(http.get(base + "/broken").perform()).satisfies(o -> assertThat(o.error()).isTrue());
        assertThat(http.get(base + "/ok").perform()).isEqualTo(new LoadOutcome(200, null));
    }

    @Test
    void postsABody() {
        assertThat(http.post(base + "/echo", "order 42").getBody()).isEqualTo("order 42");
    }

    @Test
    void aTimeoutMakesTheStatusThrowWithTheReason() {
        HttpCall slow = http.get(Map.of("timeout", Duration.ofMillis(200)), base + "/slow");

        assertThatThrownBy(slow::getStatus)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + base + "/slow: no answer within 200ms");
        assertThatThrownBy(slow::perform).hasMessage("GET " + base + "/slow: no answer within 200ms");
    }

    @Test
    void aRefusedConnectionMakesTheStatusThrowWithTheReason() {
        String nobody = "http://127.0.0.1:" + FreePorts.pick() + "/health";

        assertThatThrownBy(() -> http.get(nobody).getStatus()).hasMessageStartingWith("GET " + nobody + ": ");
        assertThatThrownBy(() -> http.get(nobody).perform()).hasMessageStartingWith("GET " + nobody + ": ");
    }

    @Test
    void scriptMistakesAreReportedAsSuch() {
        assertThatThrownBy(() -> http.get("localhost:8080/health")).isInstanceOf(DslException.class)
                .hasMessageContaining("is not an http:// or https:// URL");
        assertThatThrownBy(() -> http.get(Map.of("timout", Duration.ofSeconds(1)), base))
                .isInstanceOf(DslException.class)
                .hasMessageStartingWith("unknown option 'timout' for http.get, did you mean 'timeout'?");
    }
}
