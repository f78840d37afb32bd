package dev.shakedown.stdlib.demo;

import static dev.shakedown.stdlib.fault.FaultSpecs.kill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.dns.DnsFailureInjector;
import dev.shakedown.stdlib.fault.KillInjector;
import dev.shakedown.stdlib.link.TimeoutInjector;
import dev.shakedown.stdlib.probe.HttpCall;
import dev.shakedown.stdlib.testing.TestBuild;
import dev.shakedown.stdlib.testing.TestRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real demo system, declared by the word, started through the process resource, broken by a real kill. */
class DemoSystemTest {
    @TempDir
    Path dir;
    TestRun run;
    HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stopTheDemo() {
        if (run != null) run.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void declaresDbGuardianAndGatewayThatServeAndFailClosedWhenTheGuardianDies() throws Exception {
        TestBuild build = new TestBuild(dir);
        DemoSystem sut = (DemoSystem) new DemoSystemWord().call(build, Map.of(), List.of());

        assertThat(build.resources()).extracting(ResourceSpec::name)
                .containsExactly("db", "guardian", "guardianLink", "dbLink", "dns", "gateway");
        assertThat(build.resources()).filteredOn(spec -> spec.kind().equals("process"))
                .allSatisfy(spec -> assertThat(spec.options()).containsKey("port"));

        run = new TestRun(dir.resolve("run")).makeCurrent();
        for (ResourceSpec spec : build.resources()) run.start(spec);

        assertThat(get(sut.getGateway() + "/api/orders").statusCode()).isEqualTo(200);
        assertThat(sut.getEventLog()).isEqualTo(dir.resolve("run").resolve("gateway-events.jsonl"));

        Fault killGuardian = new KillInjector().prepare(kill("guardian"), run);
        killGuardian.apply();

        await().atMost(Duration.ofSeconds(10)).until(() -> get(sut.getGateway() + "/api/orders").statusCode() == 503);
        HttpResponse<String> refused = get(sut.getGateway() + "/api/orders");
        assertThat(refused.headers().firstValue(HttpCall.FAIL_CLOSED_HEADER)).isPresent();

        killGuardian.rollback();

        await().atMost(Duration.ofSeconds(10)).until(() -> get(sut.getGateway() + "/api/orders").statusCode() == 200);
    }

    @Test
    void theGatewayReachesItsDependenciesThroughLinksThatFaultsActOn() throws Exception {
        TestBuild build = new TestBuild(dir);
        DemoSystem sut = (DemoSystem) new DemoSystemWord().call(build, Map.of(), List.of());
        assertThat(build.resource("gateway").orElseThrow().options().get("command"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains(sut.getGuardianHost() + ":" + sut.getLinks().get("guardian").getPort(), sut.getDns().getAddress(),
                        sut.getLinks().get("db").getAddress());
        run = new TestRun(dir.resolve("run")).makeCurrent();
        for (ResourceSpec spec : build.resources()) run.start(spec);
        assertThat(get(sut.getGateway() + "/api/orders").statusCode()).isEqualTo(200);

        Fault stallDb = new TimeoutInjector().prepare(new FaultSpec("timeout", List.of(sut.getLinks().get("db").getName()),
                Map.of(), new SourceRef("test", 1, 1)), run);
        stallDb.apply();

        await().atMost(Duration.ofSeconds(10)).until(() ->
                "db-timeout".equals(get(sut.getGateway() + "/api/orders").headers().firstValue(HttpCall.FAIL_CLOSED_HEADER).orElse(null)));

        stallDb.rollback();

        await().atMost(Duration.ofSeconds(10)).until(() -> get(sut.getGateway() + "/api/orders").statusCode() == 200);
    }

    @Test
    void theGatewayResolvesTheGuardianThroughTheRunsDnsServerAndFailsClosedWhenItCannot() throws Exception {
        TestBuild build = new TestBuild(dir);
        DemoSystem sut = (DemoSystem) new DemoSystemWord().call(build, Map.of(), List.of());
        run = new TestRun(dir.resolve("run")).makeCurrent();
        run.withPlan(ExperimentPlan.ofResources("demo", build.resources()));
        for (ResourceSpec spec : build.resources()) run.start(spec);
        assertThat(get(sut.getGateway() + "/api/orders").statusCode()).isEqualTo(200);

        Fault unresolvable = new DnsFailureInjector().prepare(new FaultSpec("dnsFailure", List.of(sut.getGuardianHost()),
                Map.of("mode", "nxdomain"), new SourceRef("test", 1, 1)), run);
        unresolvable.apply();

        assertThat(get(sut.getGateway() + "/api/orders").headers().firstValue(HttpCall.FAIL_CLOSED_HEADER)).hasValue("dns-failure");

        unresolvable.rollback();

        assertThat(get(sut.getGateway() + "/api/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void failOpenIsPassedToTheGateway() {
        TestBuild build = new TestBuild(dir);
        new DemoSystemWord().call(build, Map.of("failOpen", true), List.of());

        assertThat(build.resource("gateway").orElseThrow().options().get("command"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("dev.shakedown.demo.GatewayMain", "--fail-open", "--watch-parent");
    }
}
