package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.shakedown.engine.evidence.EvidenceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * scripts/matriz-resilience.chaos.groovy, the seed's eight scenarios in one run against the real demo, with
 * short holds: every summary figure is derived from the scenarios, and every measured fail-closed activation
 * agrees with the gateway's own event log.
 */
class MatrizSuiteTest {
    private static final List<String> SCENARIOS = List.of("guardianCrash", "networkPartition", "memoryExhaustion",
            "cpuExhaustion", "diskFull", "clockSkew", "dnsFailure", "databaseTimeout");

    @TempDir static Path dir;
    private static Cli.Result result;
    private static JsonNode evidence;

    /** One run of the suite (about 40 s) for every check below. */
    @BeforeAll
    static void runTheSuite() throws Exception {
        assumeThat(System.getProperty("user.name")).as("the disk scenario mounts its tmpfs only as root").isEqualTo("root");
        Path out = dir.resolve("artifacts");
        result = Cli.run("run", Cli.SCRIPTS.resolve("matriz-resilience.chaos.groovy").toString(),
                "--param", "hold=3s", "--param", "memory=1gb",
                "--out", out.toString(), "--state", dir.resolve("state").toString(), "--no-color");
        evidence = Evidence.read(out, "matriz");
    }

    @Test
    void allEightScenariosPassAndEveryFamilyIsValidated() {
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(evidence.get("scenarios")).extracting(s -> s.get("scenario").asString()).containsExactlyElementsOf(SCENARIOS);
        assertThat(evidence.get("scenarios")).allSatisfy(s -> assertThat(s.get("verdict").asString()).as(s.get("scenario").asString()).isEqualTo("passed"));
        JsonNode families = evidence.get("chaos_scenarios");
        assertThat(families.get("scenarios_executed").asInt()).isEqualTo(8);
        for (String family : List.of("guardian_crash", "network_partition", "memory_corruption", "infrastructure_faults")) {
            assertThat(families.get(family + "_validated").asBoolean()).as(family).isTrue();
        }
        assertThat(families.get("skipped")).isEmpty();
        assertThat(evidence.get("resilience_metrics").get("production_ready").asBoolean()).isTrue();
    }

    /** The summary is computed from the scenarios, never written by hand. */
    @Test
    void theSummaryFiguresAreDerivedFromTheScenarios() {
        List<Double> activations = new ArrayList<>(), recoveries = new ArrayList<>();
        double scores = 0;
        for (JsonNode s : evidence.get("scenarios")) {
            if (!s.get("fail_closed_activation_ms").isNull()) activations.add(s.get("fail_closed_activation_ms").asDouble());
            if (!s.get("recovery").get("time_to_recovery_ms").isNull()) recoveries.add(s.get("recovery").get("time_to_recovery_ms").asDouble());
            scores += s.get("score").asDouble();
        }
        JsonNode failClosed = evidence.get("fail_closed_behavior");
        assertThat(activations).hasSize(6); // every scenario but memory and CPU expects the gateway to fail closed
        assertThat(failClosed.get("activation_time_ms").asDouble()).isEqualTo(activations.stream().max(Comparator.naturalOrder()).orElseThrow());
        assertThat(failClosed.get("triggers_validated").asInt()).isEqualTo(6);
        recoveries.sort(Comparator.naturalOrder());
        JsonNode recovery = evidence.get("recovery_validation");
        assertThat(recovery.get("recovery_time_p95_ms").asDouble()).isEqualTo(recoveries.get((int) Math.ceil(0.95 * recoveries.size()) - 1));
        assertThat(recovery.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(evidence.get("resilience_metrics").get("overall_score").asDouble()).isEqualTo(scores / 8);
    }

    /** The reason each fail-closed condition of the suite looks for; 'failClosed' takes any. */
    private static final Map<String, String> REASONS = Map.of("auditFailed", "audit-failed", "staleDecision", "stale-decision",
            "dnsFailed", "dns-failure", "dbTimeout", "db-timeout");

    /**
     * How much later than the gateway's first failed request a probe's request may fail although both began
     * together: with the database stalled, a request on a pooled connection gives up after H2's 500 ms read
     * timeout, one that must open a connection after about 1 s. Every other fault fails requests at once or
     * after one fixed timeout.
     */
    private static double spread(String condition) {
        return condition.equals("dbTimeout") ? 500.0 : 0.0;
    }

    /**
     * Each measured activation (the first observation of the fail-closed condition after the fault began) is
     * explained by the gateway's own event log, written at the instant it switched: it is never earlier than the
     * gateway's first switch to that failure, and at most the probe interval (10 ms) plus 10 ms later than the
     * switch that put the gateway in the state observed. (A filling disk makes the gateway flap for a few hundred
     * ms, as audit.log's last page still takes short appends: the probe sees the failure at one of those switches.)
     */
    @Test
    void everyActivationAgreesWithTheGatewaysEventLog() throws Exception {
        Path events = Path.of(evidence.get("run").get("logs").asString()).getParent().resolve("gateway-events.jsonl");
        List<JsonNode> switches = new ArrayList<>();
        for (String line : Files.readAllLines(events)) switches.add(EvidenceWriter.JSON.readTree(line));
        Instant started = Instant.parse(evidence.get("run").get("started_at").asString());
        long startedMicros = started.getEpochSecond() * 1_000_000 + started.getNano() / 1_000;
        int compared = 0;
        for (JsonNode s : evidence.get("scenarios")) {
            for (JsonNode e : s.get("expectations")) {
                if (!e.get("phase").asString().equals("during-chaos")) continue;
                String reason = REASONS.get(e.get("condition").asString());
                double anchor = e.get("anchor_at_ms").asDouble();
                double measured = e.get("first_true_at_ms").asDouble();
                List<Double> failing = switches.stream()
                        .filter(x -> x.get("state").asString().equals("fail-closed"))
                        .filter(x -> reason == null || reason.equals(x.get("reason").asString()))
                        .map(x -> (x.get("epochMicros").asLong() - startedMicros) / 1000.0)
                        .filter(t -> t >= anchor).toList();
                String what = s.get("scenario").asString() + ": measured " + measured + " ms, gateway switches " + failing;
                assertThat(failing).as(what).isNotEmpty();
                assertThat(measured).as(what).isGreaterThanOrEqualTo(failing.get(0) - 1.0);
                double observed = failing.stream().filter(t -> t <= measured + 1.0).reduce((a, b) -> b).orElseThrow();
                assertThat(measured - observed).as(what).isLessThanOrEqualTo(10.0 + 10.0 + spread(e.get("condition").asString()));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(6);
    }
}
