package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GuardianTest {
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");

    @Test
    void decidesWithTheTimeOfItsOwnClock() throws Exception {
        try (Guardian guardian = Guardian.start(0, Clock.fixed(NOW, ZoneOffset.UTC))) {
            HttpResponse<String> alice = TestHttp.get(guardian.port(), "/decide?subject=alice&action=read-orders");
            HttpResponse<String> mallory = TestHttp.get(guardian.port(), "/decide?subject=mallory&action=read-orders");

            assertThat(alice.statusCode()).isEqualTo(200);
            assertThat(alice.body()).isEqualTo("{\"allow\":true,\"decidedAt\":" + NOW.toEpochMilli() + "}");
            assertThat(GuardianClient.parse(alice.body())).isEqualTo(new GuardianClient.Decision(true, NOW.toEpochMilli()));
            assertThat(GuardianClient.parse(mallory.body()).allow()).isFalse();
        }
    }

    @Test
    void answersHealthAndRejectsIncompleteQuestions() throws Exception {
        try (Guardian guardian = Guardian.start(0)) {
            assertThat(TestHttp.get(guardian.port(), "/health").body()).isEqualTo("ok");
            assertThat(TestHttp.get(guardian.port(), "/decide?subject=alice").statusCode()).isEqualTo(400);
            assertThat(TestHttp.get(guardian.port(), "/decidex").statusCode()).isEqualTo(404);
        }
    }
}
