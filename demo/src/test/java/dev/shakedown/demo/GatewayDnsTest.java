package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway resolves the guardian's name through a real DNS server at every request and fails closed when it cannot. */
class GatewayDnsTest {
    private static final String GUARDIAN_NAME = "guardian.test.internal";

    @TempDir
    Path dir;

    private Guardian guardian;
    private Db db;
    private TestDnsServer dns;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        guardian = Guardian.start(0);
        db = Db.start(0);
        dns = new TestDnsServer(GUARDIAN_NAME, InetAddress.getLoopbackAddress());
        gateway = Gateway.start(new GatewayConfig(0, GUARDIAN_NAME + ":" + guardian.port(), "127.0.0.1:" + db.port(),
                Files.createDirectories(dir.resolve("audit")), dir.resolve("events.jsonl"), false,
                GatewayConfig.DEFAULT_CLOCK_TOLERANCE, Optional.of(dns.address())));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        dns.close();
        db.close();
        guardian.close();
    }

    @Test
    void reachesTheGuardianByTheNameTheDnsServerResolves() throws Exception {
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(gateway.port(), "/health").body()).isEqualTo("ok");
    }

    @Test
    void failsClosedOnNxdomainAndRecoversOnTheNextRequest() throws Exception {
        dns.mode(TestDnsServer.Mode.NXDOMAIN);
        assertFailsClosedOnDns(TestHttp.get(gateway.port(), "/api/orders"));

        dns.mode(TestDnsServer.Mode.ANSWER);
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);
        assertThat(Event.read(dir.resolve("events.jsonl"))).extracting(Event::reason)
                .containsExactly("dns-failure", null);
    }

    @Test
    void failsClosedWhenTheDnsServerDoesNotAnswer() throws Exception {
        dns.mode(TestDnsServer.Mode.SILENT);
        assertFailsClosedOnDns(TestHttp.get(gateway.port(), "/health"));
    }

    private static void assertFailsClosedOnDns(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(TestHttp.failClosedReason(response)).isEqualTo(Reason.DNS_FAILURE.wire());
    }
}
