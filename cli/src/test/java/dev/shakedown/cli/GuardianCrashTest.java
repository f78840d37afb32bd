package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.evidence.EvidenceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The example script end to end against the real demo system. */
class GuardianCrashTest {
    private static final String SCRIPT = Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy").toString();
    @TempDir Path dir;

    @Test
    void theGatewayFailsClosedAndRecoversAndTheEvidenceAgreesWithItsEventLog() throws Exception {
        Path out = dir.resolve("artifacts");
        Path state = dir.resolve("state");

        Cli.Result r = Cli.run("run", SCRIPT, "--param", "hold=2s", "--out", out.toString(), "--state", state.toString(), "--no-color");

        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode e = Evidence.read(out, "guardian");
        JsonNode s = e.get("scenarios").get(0);
        assertThat(s.get("verdict").asString()).isEqualTo("passed");
        assertThat(s.get("fail_closed_triggered").asBoolean()).isTrue();
        assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
        assertThat(e.get("resilience_metrics").get("overall_score").asDouble()).isEqualTo(100.0);
        assertThat(e.get("chaos_scenarios").get("guardian_crash_validated").asBoolean()).isTrue();
        assertThat(s.get("system_impact").get("error_rate_samples").get("samples").asInt()).isPositive();

        // Ground truth: the gateway's own log of its fail-closed switches, on the wall clock.
        Path events = state.resolve("runs").resolve(e.get("run").get("id").asString()).resolve("gateway-events.jsonl");
        List<JsonNode> switches = Files.readAllLines(events).stream().map(EvidenceWriter.JSON::readTree).toList();
        long startedMicros = micros(Instant.parse(e.get("run").get("started_at").asString()));
        double injectedMs = s.get("expectations").get(0).get("anchor_at_ms").asDouble();
        double truthMs = switches.stream()
                .filter(l -> l.get("state").asString().equals("fail-closed"))
                .mapToDouble(l -> (l.get("epochMicros").asLong() - startedMicros) / 1000.0)
                .filter(t -> t >= injectedMs - 1)
                .findFirst().orElseThrow() - injectedMs;
        double measured = s.get("fail_closed_activation_ms").asDouble();
        double probeInterval = s.get("series").get("conditions").get("failClosed").get("every_ms").asDouble();
        assertThat(Math.abs(measured - truthMs)).as("measured %s ms, gateway log %s ms", measured, truthMs)
                .isLessThanOrEqualTo(probeInterval + 10);
        // And it recovered: the log ends with the gateway serving again.
        assertThat(switches.get(switches.size() - 1).get("state").asString()).isEqualTo("ok");
    }

    @Test
    void aGatewayThatFailsOpenLoses30Points() throws Exception {
        Path out = dir.resolve("artifacts");

        Cli.Result r = Cli.run("run", SCRIPT, "--param", "failOpen=true", "--param", "hold=1s", "--out", out.toString(),
                "--state", dir.resolve("state").toString(), "--no-color");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        JsonNode s = Evidence.read(out, "guardian").get("scenarios").get(0);
        assertThat(s.get("fail_closed_triggered").asBoolean()).isFalse();
        assertThat(s.get("score").asDouble()).isEqualTo(70.0);
        assertThat(Evidence.validation(s, "fail_closed_triggered").get("status").asString()).isEqualTo("failed");
        assertThat(r.out()).contains("fail_closed_triggered");
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1_000;
    }
}
