package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway in-process against a real guardian and db, with faults made by stopping or replacing them. */
class GatewayTest {
    @TempDir
    Path dir;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    @AfterEach
    void closeEverything() throws Exception {
        while (!running.isEmpty()) running.pop().close();
    }

    private <T extends AutoCloseable> T running(T thing) {
        running.push(thing);
        return thing;
    }

    private void stop(AutoCloseable thing) throws Exception {
        running.remove(thing);
        thing.close();
    }

    private Path auditDir() throws IOException {
        return Files.createDirectories(dir.resolve("audit"));
    }

    private Path eventLog() {
        return dir.resolve("events.jsonl");
    }

    private Gateway gateway(String guardian, String db, Path auditDir, boolean failOpen) throws IOException {
        return running(Gateway.start(new GatewayConfig(0, guardian, db, auditDir, eventLog(), failOpen,
                GatewayConfig.DEFAULT_CLOCK_TOLERANCE, Optional.empty())));
    }

    private Gateway gateway(Guardian guardian, Db db) throws IOException {
        return gateway(address(guardian.port()), address(db.port()), auditDir(), false);
    }

    private static String address(int port) {
        return "127.0.0.1:" + port;
    }

    /** A port nothing listens on (it was free a moment ago, which is all a test on loopback needs). */
    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void assertFailsClosed(HttpResponse<String> response, Reason reason) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(TestHttp.failClosedReason(response)).isEqualTo(reason.wire());
        assertThat(response.body()).isEqualTo("fail-closed: " + reason.wire());
    }

    private List<Event> events() {
        return Event.read(eventLog());
    }

    @Test
    void delayMsSlowsEveryOrderAndErrorEveryAnswersEveryNthWith500() throws Exception {
        Guardian guardian = running(Guardian.start(0));
        Db db = running(Db.start(0));
        Gateway gateway = running(Gateway.start(new GatewayConfig(0, address(guardian.port()), address(db.port()), auditDir(),
                eventLog(), false, GatewayConfig.DEFAULT_CLOCK_TOLERANCE, Optional.empty(), Duration.ofMillis(100), 4)));

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = TestHttp.get(gateway.port(), "/api/orders");
            // a lower bound: the delay is there on every answer, the erring ones included
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(TestHttp.failClosedReason(response)).as("an error, not a refusal").isNull();
            statuses.add(response.statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 500, 200, 200, 200, 500);
        assertThat(TestHttp.get(gateway.port(), "/health").statusCode()).as("health is neither slowed nor erring").isEqualTo(200);
    }

    @Test
    void servesOrdersAndWritesOneAuditLinePerRequest() throws Exception {
        Gateway gateway = gateway(running(Guardian.start(0)), running(Db.start(0)));

        HttpResponse<String> response = TestHttp.get(gateway.port(), "/api/orders?subject=alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"subject\":\"alice\",\"orders\":3}");
        assertThat(TestHttp.failClosedReason(response)).isNull();
        List<String> audit = Files.readAllLines(auditDir().resolve(AuditLog.FILE_NAME));
        assertThat(audit).singleElement().satisfies(line -> assertThat(line)
                .contains("\"subject\":\"alice\"", "\"action\":\"read-orders\"", "\"decision\":\"allow\""));
        assertThat(events()).extracting(Event::state, Event::reason).containsExactly(tuple("ok", null));
        assertThat(TestHttp.get(gateway.port(), "/health").body()).isEqualTo("ok");
    }

    @Test
    void failsClosedWhenTheGuardianStopsAndRecoversWhenItIsBack() throws Exception {
        Guardian guardian = running(Guardian.start(0));
        int guardianPort = guardian.port();
        Gateway gateway = gateway(guardian, running(Db.start(0)));
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);

        long beforeStop = Event.nowMicros();
        stop(guardian);
        HttpResponse<String> refused = TestHttp.get(gateway.port(), "/api/orders");
        long afterAnswer = Event.nowMicros();

        assertFailsClosed(refused, Reason.GUARDIAN_UNREACHABLE);
        assertFailsClosed(TestHttp.get(gateway.port(), "/health"), Reason.GUARDIAN_UNREACHABLE);
        assertThat(events()).extracting(Event::state, Event::reason)
                .containsExactly(tuple("ok", null), tuple("fail-closed", "guardian-unreachable"));
        assertThat(events().get(1).epochMicros()).isBetween(beforeStop, afterAnswer);

        running(Guardian.start(guardianPort));
        long beforeRecovery = Event.nowMicros();
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);
        assertThat(events()).hasSize(3).last().satisfies(last -> {
            assertThat(last.state()).isEqualTo("ok");
            assertThat(last.reason()).isNull();
            assertThat(last.epochMicros()).isBetween(beforeRecovery, Event.nowMicros());
        });
        assertThat(Files.readAllLines(auditDir().resolve(AuditLog.FILE_NAME)))
                .as("requests that failed closed are not served, so not audited").hasSize(2);
    }

    @Test
    void aDenyIsAnOrdinaryForbiddenNotAFailure() throws Exception {
        Gateway gateway = gateway(running(Guardian.start(0)), running(Db.start(0)));

        HttpResponse<String> response = TestHttp.get(gateway.port(), "/api/orders?subject=mallory");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.failClosedReason(response)).isNull();
        assertThat(Files.readAllLines(auditDir().resolve(AuditLog.FILE_NAME))).singleElement()
                .satisfies(line -> assertThat(line).contains("\"subject\":\"mallory\"", "\"decision\":\"deny\""));
        assertThat(events()).extracting(Event::state).containsExactly("ok");
    }

    @Test
    void failOpenServesWhenTheGuardianIsDownAndLogsThatItDid() throws Exception {
        Db db = running(Db.start(0));
        Gateway gateway = gateway(address(unusedPort()), address(db.port()), auditDir(), true);

        HttpResponse<String> response = TestHttp.get(gateway.port(), "/api/orders?subject=mallory");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(gateway.port(), "/health").statusCode()).isEqualTo(200);
        assertThat(events()).extracting(Event::state, Event::reason)
                .containsExactly(tuple("fail-open", "guardian-unreachable"));
        assertThat(Files.readAllLines(auditDir().resolve(AuditLog.FILE_NAME))).hasSize(1);
    }

    @Test
    void failOpenStillFailsClosedWhenTheDbIsDown() throws Exception {
        Gateway gateway = gateway(address(unusedPort()), address(unusedPort()), auditDir(), true);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.DB_UNAVAILABLE);
    }

    @Test
    void failsClosedWhenTheDbIsDownAndRecoversWhenItIsBack() throws Exception {
        Db db = running(Db.start(0));
        int dbPort = db.port();
        Gateway gateway = gateway(running(Guardian.start(0)), db);
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);

        stop(db);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.DB_UNAVAILABLE);
        assertFailsClosed(TestHttp.get(gateway.port(), "/health"), Reason.DB_UNAVAILABLE);

        running(Db.start(dbPort));
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);
        assertThat(events()).extracting(Event::state, Event::reason)
                .containsExactly(tuple("ok", null), tuple("fail-closed", "db-unavailable"), tuple("ok", null));
    }

    @Test
    void failsClosedWhenTheDbHangs() throws Exception {
        StalledServer db = running(new StalledServer());
        Gateway gateway = gateway(address(running(Guardian.start(0)).port()), db.hostPort(), auditDir(), false);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.DB_TIMEOUT);
    }

    @Test
    void failsClosedWhenTheGuardianHangs() throws Exception {
        StalledServer guardian = running(new StalledServer());
        Gateway gateway = gateway(guardian.hostPort(), address(running(Db.start(0)).port()), auditDir(), false);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.GUARDIAN_TIMEOUT);
    }

    @Test
    void failsClosedWhenTheGuardianAnswersAnError() throws Exception {
        LoopbackHttpServer broken = running(new LoopbackHttpServer(0, 1));
        broken.get("/decide", query -> LoopbackHttpServer.Response.text(500, "policy engine crashed"));
        broken.start();
        Gateway gateway = gateway(address(broken.port()), address(running(Db.start(0)).port()), auditDir(), false);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.GUARDIAN_ERROR);
    }

    @Test
    void failsClosedWhenTheGuardianAnswersNonsense() throws Exception {
        LoopbackHttpServer broken = running(new LoopbackHttpServer(0, 1));
        broken.get("/decide", query -> LoopbackHttpServer.Response.json(200, "{\"allow\":\"maybe\"}"));
        broken.start();
        Gateway gateway = gateway(address(broken.port()), address(running(Db.start(0)).port()), auditDir(), false);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.GUARDIAN_ERROR);
    }

    @Test
    void failsClosedWhenTheAuditRecordCannotBeWritten() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("audit-is-a-file"), "");
        Gateway gateway = gateway(address(running(Guardian.start(0)).port()), address(running(Db.start(0)).port()),
                notADirectory, false);

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.AUDIT_FAILED);
        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders?subject=mallory"), Reason.AUDIT_FAILED);
        assertFailsClosed(TestHttp.get(gateway.port(), "/health"), Reason.AUDIT_FAILED);
    }

    @Test
    void failsClosedOnADecisionFromASkewedClock() throws Exception {
        Guardian skewed = running(Guardian.start(0, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10))));
        Gateway gateway = gateway(skewed, running(Db.start(0)));

        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.STALE_DECISION);
        assertFailsClosed(TestHttp.get(gateway.port(), "/health"), Reason.STALE_DECISION);
    }

    @Test
    void acceptsADecisionWithinTheClockTolerance() throws Exception {
        Guardian slightlySkewed = running(Guardian.start(0, Clock.offset(Clock.systemUTC(), Duration.ofMillis(-500))));
        Gateway gateway = gateway(slightlySkewed, running(Db.start(0)));

        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void startsWithItsDependenciesDownAndServesOnceTheyAreUp() throws Exception {
        int guardianPort = unusedPort();
        int dbPort = unusedPort();
        Gateway gateway = gateway(address(guardianPort), address(dbPort), auditDir(), false);
        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.GUARDIAN_UNREACHABLE);

        running(Guardian.start(guardianPort));
        assertFailsClosed(TestHttp.get(gateway.port(), "/api/orders"), Reason.DB_UNAVAILABLE);

        running(Db.start(dbPort));
        assertThat(TestHttp.get(gateway.port(), "/api/orders").statusCode()).isEqualTo(200);
        assertThat(events()).extracting(Event::state, Event::reason).containsExactly(
                tuple("fail-closed", "guardian-unreachable"), tuple("fail-closed", "db-unavailable"), tuple("ok", null));
    }

    @Test
    void concurrentRequestsRecordEachSwitchOnce() throws Exception {
        Guardian guardian = running(Guardian.start(0));
        Gateway gateway = gateway(guardian, running(Db.start(0)));
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            assertThat(getAll(clients, gateway.port(), 64)).containsOnly(200);
            stop(guardian);
            assertThat(getAll(clients, gateway.port(), 64)).containsOnly(503);
        } finally {
            clients.shutdownNow();
        }

        assertThat(events()).extracting(Event::state, Event::reason)
                .containsExactly(tuple("ok", null), tuple("fail-closed", "guardian-unreachable"));
    }

    private static List<Integer> getAll(ExecutorService clients, int port, int count) throws Exception {
        List<Callable<Integer>> requests = IntStream.range(0, count)
                .<Callable<Integer>>mapToObj(i -> () -> TestHttp.get(port, "/api/orders?subject=user" + i).statusCode())
                .toList();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (Future<Integer> f : clients.invokeAll(requests)) statuses.add(f.get());
        return statuses;
    }
}
