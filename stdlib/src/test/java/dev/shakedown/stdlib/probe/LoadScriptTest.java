package dev.shakedown.stdlib.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.spi.LoadAction.LoadOutcome;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.stdlib.testing.TestScripts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} with {@code http.post} bodies and a script's {@code failClosedWhen:}, run by the real engine against a real server. */
class LoadScriptTest {
    @TempDir Path dir;
    HttpServer server;
    String base;
    final ConcurrentLinkedQueue<String> posted = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/orders", exchange -> {
            posted.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, Map.of());
        });
        // a service that refuses deliberately but marks it its own way: a 503 with Retry-After, no X-Fail-Closed
        server.createContext("/busy", exchange -> answer(exchange, 503, Map.of("Retry-After", "1")));
        server.createContext("/broken", exchange -> answer(exchange, 500, Map.of()));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private ExperimentPlan compile(String script) throws Exception {
        return TestScripts.compile(dir.resolve("load.chaos.groovy"), script.replace("BASE", base));
    }

    @Test
    void postsWithABodyAreLoadAndTheScriptsFailClosedAnswersAreCountedApartFromErrors() throws Exception {
        ExperimentPlan plan = compile("""
                component 'load'
                monitor every: 200.ms
                load http.post('BASE/orders', '{"order": 42}'), rate: 40.perSecond
                load http.get('BASE/busy', failClosedWhen: { it.status == 503 && it.header('retry-after') }), rate: 20.perSecond
                load http.get('BASE/broken', failClosedWhen: { it.status == 503 }), rate: 10.perSecond
                scenario 'underLoad' { hold 1500.ms }
                """);

        RunResult run = new ExperimentRunner(Registry.fromClasspath(), RunOptions.defaults(dir.resolve("state")), RunListener.NONE).run(plan);

        List<MonitorSample> measured = run.samples().stream().filter(s -> s.requests() != null && s.requests() > 0).toList();
        long requests = measured.stream().mapToLong(MonitorSample::requests).sum();
        long failClosed = measured.stream().map(MonitorSample::failClosedResponses).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        long errors = measured.stream().mapToLong(s -> Math.round(s.errorRate() * s.requests())).sum();
        assertThat(posted).isNotEmpty().allMatch(body -> body.equals("POST {\"order\": 42}"));
        assertThat(failClosed).as("503s with Retry-After").isPositive();
        assertThat(measured).allSatisfy(s -> assertThat(s.failClosedReasons().keySet()).isSubsetOf("status 503"));
        assertThat(errors).as("the 500s").isPositive();
        // every request is one of the three kinds: created, refused on purpose, or broken
        assertThat(requests - failClosed - errors).isPositive();
    }

    @Test
    void aPredicateReplacesTheHeaderRuleAndATextResultIsTheReason() throws Exception {
        Http http = (Http) new HttpWord().call(null, Map.of(), List.of());
        groovy.lang.Closure<?> overloaded = (groovy.lang.Closure<?>) new groovy.lang.GroovyShell()
                .evaluate("return { it.status == 503 ? 'overloaded' : null }");

        LoadOutcome busy = http.get(Map.of("failClosedWhen", overloaded), base + "/busy").perform();
        LoadOutcome broken = http.get(Map.of("failClosedWhen", overloaded), base + "/broken").perform();
        groovy.lang.Closure<?> is503 = (groovy.lang.Closure<?>) new groovy.lang.GroovyShell().evaluate("return { it.status == 503 }");
        assertThat(http.get(Map.of("failClosedWhen", is503), base + "/broken").perform().error()).as("false is false").isTrue();

        assertThat(busy).isEqualTo(new LoadOutcome(503, "overloaded"));
        assertThat(broken.error()).isTrue();
        assertThat(http.get(Map.of("failClosedWhen", overloaded), base + "/busy").getFailClosed()).isTrue();
        assertThat(http.get(base + "/busy").getFailClosed()).as("no X-Fail-Closed, no predicate").isFalse();
        assertThatThrownBy(() -> http.get(Map.of("failClosedWhen", 503), base + "/busy"))
                .hasMessageContaining("failClosedWhen: takes a closure");
    }
}
