package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three mains as real processes, killed for real. */
class ProcessesTest {
    @TempDir
    Path dir;

    @Test
    void theGatewayFailsClosedWhenTheGuardianProcessIsKilled() throws Exception {
        Path audit = Files.createDirectories(dir.resolve("audit"));
        Path events = dir.resolve("events.jsonl");
        try (ChildJvm db = ChildJvm.start(DbMain.class, "--port", "0", "--watch-parent");
                ChildJvm guardian = ChildJvm.start(GuardianMain.class, "--port", "0", "--watch-parent")) {
            int dbPort = db.awaitReady();
            int guardianPort = guardian.awaitReady();
            try (ChildJvm gateway = ChildJvm.start(GatewayMain.class, "--port", "0", "--watch-parent",
                    "--guardian", "127.0.0.1:" + guardianPort, "--db", "127.0.0.1:" + dbPort,
                    "--audit-dir", audit.toString(), "--event-log", events.toString())) {
                int gatewayPort = gateway.awaitReady();
                assertThat(TestHttp.get(gatewayPort, "/api/orders").statusCode()).isEqualTo(200);

                long beforeKill = Event.nowMicros();
                guardian.close();
                HttpResponse<String> response = TestHttp.get(gatewayPort, "/api/orders");
                long afterAnswer = Event.nowMicros();

                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(TestHttp.failClosedReason(response)).isEqualTo("guardian-unreachable");
                assertThat(Event.read(events)).hasSize(2).last().satisfies(e -> {
                    assertThat(e.state()).isEqualTo("fail-closed");
                    assertThat(e.epochMicros()).isBetween(beforeKill, afterAnswer);
                });
            }
        }
    }

    @Test
    void aWatchingProcessExitsWhenItsParentIsKilled() throws Exception {
        try (ChildJvm parent = ChildJvm.start(ParentOfWatchingGuardian.class)) {
            long guardianPid = Long.parseLong(parent.awaitLine("child "));
            Optional<ProcessHandle> guardian = ProcessHandle.of(guardianPid);
            try {
                assertThat(parent.awaitReady()).isPositive();
                assertThat(guardian).hasValueSatisfying(g -> assertThat(g.isAlive()).isTrue());

                parent.close();

                await().atMost(Duration.ofSeconds(5)).until(() -> guardian.map(g -> !g.isAlive()).orElse(true));
            } finally {
                guardian.ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void sigtermClosesEachServiceBeforeTheProcessExits() throws Exception {
        try (ChildJvm db = ChildJvm.start(DbMain.class, "--port", "0");
                ChildJvm guardian = ChildJvm.start(GuardianMain.class, "--port", "0")) {
            int dbPort = db.awaitReady();
            int guardianPort = guardian.awaitReady();
            try (ChildJvm gateway = ChildJvm.start(GatewayMain.class, "--port", "0",
                    "--guardian", "127.0.0.1:" + guardianPort, "--db", "127.0.0.1:" + dbPort,
                    "--audit-dir", dir.toString(), "--event-log", dir.resolve("events.jsonl").toString())) {
                int gatewayPort = gateway.awaitReady();
                assertThat(TestHttp.get(gatewayPort, "/api/orders").statusCode()).isEqualTo(200);

                for (ChildJvm service : List.of(gateway, guardian, db)) {
                    // SIGTERM through the handle: Process.destroy() would also close our end of its stdout
                    service.process().toHandle().destroy();
                    assertThat(service.awaitLine("stopped")).isEmpty();
                    assertThat(service.process().waitFor()).isEqualTo(143);
                }
            }
        }
    }

    @Test
    void aMistakeOnTheCommandLineExitsWithTwo() throws Exception {
        try (ChildJvm gateway = ChildJvm.start(GatewayMain.class, "--guardian", "nowhere", "--db", "127.0.0.1:1",
                "--audit-dir", dir.toString(), "--event-log", dir.resolve("e").toString())) {
            assertThat(gateway.process().waitFor()).isEqualTo(2);
        }
    }
}
