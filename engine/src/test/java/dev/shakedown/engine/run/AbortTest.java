package dev.shakedown.engine.run;

import static dev.shakedown.engine.run.Plans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.EvidenceBuilder;
import dev.shakedown.engine.evidence.EvidenceSchema;
import dev.shakedown.engine.evidence.EvidenceWriter;
import dev.shakedown.engine.ledger.LedgerReader;
import dev.shakedown.engine.plan.AbortSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.spi.AbortProbe;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Abort conditions, with the engine's test fault (a switch): they fire, roll back at once and stop the run. */
class AbortTest {
    @TempDir Path state;
    private final Registry registry = Registry.fromClasspath();

    @BeforeEach
    void reset() {
        SwitchInjector.reset();
    }

    private RunResult run(ExperimentPlan plan) {
        return new ExperimentRunner(registry, new RunOptions(state, Duration.ofMillis(500)), RunListener.NONE).run(plan);
    }

    private static AbortSpec abortWhen(String name, AbortProbe probe) {
        return new AbortSpec(name, Duration.ofMillis(10), probe, HERE);
    }

    private static ExperimentPlan plan(List<AbortSpec> experimentAborts, ScenarioPlan... scenarios) {
        return new ExperimentPlan("test", Optional.empty(), Map.of(), List.of(), List.of(), List.of(), SloSpec.SEED_DEFAULTS,
                Duration.ofMillis(100), List.of(scenarios), List.of(), experimentAborts);
    }

    private static ScenarioPlan scenario(String name, List<AbortSpec> aborts, Step... steps) {
        return new ScenarioPlan(name, List.of(steps), Optional.empty(), HERE, aborts);
    }

    @Test
    void anAbortThatFiresRollsBackEveryFaultStopsTheStepsAndAbortsTheRun() throws Exception {
        var on = SwitchInjector.switchNamed("b");
        var plan = plan(List.of(abortWhen("b is on", latest -> on.get())),
                scenario("first", List.of(), flip("a"), flip("b"), hold(Duration.ofMinutes(5)), recover()),
                scenario("second", List.of(), flip("c"), recover()));

        RunResult result = run(plan);

        ScenarioRecord s = result.scenarios().get(0);
        assertThat(s.outcome()).isEqualTo(ScenarioRecord.Outcome.ABORTED);
        assertThat(s.abort().name()).isEqualTo("b is on");
        // Every fault was rolled back, newest first, by the abort; the steps after the hold never ran.
        assertThat(SwitchInjector.EVENTS).containsExactly("on a", "on b", "off b", "off a");
        assertThat(s.abort().faultsRolledBack()).containsExactly("flip('b')", "flip('a')");
        assertThat(s.steps()).extracting(ScenarioRecord.StepRecord::status).startsWith("ok", "ok").hasSizeLessThanOrEqualTo(3);
        assertThat(s.steps()).extracting(ScenarioRecord.StepRecord::step).doesNotContain("recover");
        // Observation, then every rollback, then the abort's finish: in that order on the run's clock.
        long firedAt = s.abort().fired().completedNanos();
        assertThat(s.faults()).allSatisfy(f -> assertThat(f.rolledBackNanos()).isBetween(firedAt, s.abort().rolledBackNanos()));
        assertThat(s.chaosEndNanos()).isEqualTo(firedAt);
        assertThat(LedgerReader.openRecords(result.ledgerFile())).isEmpty();
        // The run stops: the next scenario injects nothing and says why.
        assertThat(result.interruption()).isEqualTo("abort condition 'b is on' fired in scenario 'first'");
        assertThat(result.interruptedAtNanos()).isEqualTo(firedAt);
        ScenarioRecord second = result.scenarios().get(1);
        assertThat(second.outcome()).isEqualTo(ScenarioRecord.Outcome.SKIPPED);
        assertThat(second.problem()).startsWith("not run: abort condition 'b is on'");
        assertThat(SwitchInjector.switchNamed("c").get()).isFalse();

        Evidence evidence = new EvidenceBuilder(registry).build(plan, result);
        String json = EvidenceWriter.JSON.writeValueAsString(evidence);
        assertThat(EvidenceSchema.violations(json)).isEmpty();
        assertThat(evidence.run().verdict()).isEqualTo("aborted");
        assertThat(evidence.run().exitCode()).isEqualTo(3);
        JsonNode abort = EvidenceWriter.JSON.readTree(json).get("scenarios").get(0).get("abort");
        assertThat(abort.get("condition").asString()).isEqualTo("b is on");
        assertThat(evidence.scenarios().get(0).verdict()).isEqualTo("aborted");
    }

    @Test
    void theAbortTimesInTheEvidenceAreThoseOfItsSeries() throws Exception {
        var on = SwitchInjector.switchNamed("a");
        var plan = plan(List.of(), scenario("only", List.of(abortWhen("a is on", latest -> on.get())),
                flip("a"), hold(Duration.ofMinutes(5))));

        String json = EvidenceWriter.JSON.writeValueAsString(new EvidenceBuilder(registry).build(plan, run(plan)));

        JsonNode s = EvidenceWriter.JSON.readTree(json).get("scenarios").get(0);
        JsonNode abort = s.get("abort");
        JsonNode rows = s.get("series").get("abort_conditions").get("a is on").get("rows");
        JsonNode last = rows.get(rows.size() - 1);
        assertThat(last.get(2).asBoolean()).isTrue();
        assertThat(abort.get("fired_at_ms").asDouble()).isEqualTo(last.get(1).asDouble());
        assertThat(abort.get("rolled_back_at_ms").asDouble()).isEqualTo(s.get("faults").get(0).get("rolled_back_at_ms").asDouble());
        assertThat(abort.get("rollback_duration_ms").asDouble()).isCloseTo(
                abort.get("rolled_back_at_ms").asDouble() - abort.get("fired_at_ms").asDouble(), org.assertj.core.data.Offset.offset(0.0011));
    }

    @Test
    void anAbortReadsOnlyMonitoringWindowsThatEndedAfterTheFirstInjection() {
        var plan = plan(List.of(abortWhen("a window exists", latest -> latest != null)),
                scenario("only", List.of(), flip("a"), hold(Duration.ofMinutes(5))));

        RunResult result = run(plan);

        ScenarioRecord s = result.scenarios().get(0);
        assertThat(s.outcome()).isEqualTo(ScenarioRecord.Outcome.ABORTED);
        assertThat(s.abort().windowAtNanos()).isGreaterThan(s.faults().get(0).applyStartedNanos());
        assertThat(s.samples()).extracting(MonitorSample::atNanos).contains(s.abort().windowAtNanos());
    }

    @Test
    void anAbortConditionThatCannotBeAnsweredDoesNotFireAndSaysWhy() {
        var plan = plan(List.of(abortWhen("broken", latest -> { throw new IllegalStateException("errorRate is not measured"); })),
                scenario("only", List.of(), flip("a"), hold(Duration.ofMillis(300)), recover()));

        ScenarioRecord s = run(plan).scenarios().get(0);

        assertThat(s.outcome()).isEqualTo(ScenarioRecord.Outcome.COMPLETED);
        assertThat(s.abort()).isNull();
        assertThat(s.abortSeries().get(0).observations()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.error()).isEqualTo("errorRate is not measured"));
    }

    @Test
    void nothingIsWatchedBeforeTheFirstInjection() {
        var plan = plan(List.of(abortWhen("always", latest -> true)), scenario("only", List.of(), hold(Duration.ofMillis(200))));

        ScenarioRecord s = run(plan).scenarios().get(0);

        assertThat(s.outcome()).isEqualTo(ScenarioRecord.Outcome.COMPLETED);
        assertThat(s.abortSeries()).isEmpty();
    }

    @Test
    void aScenarioAbortWatchesOnlyItsOwnScenario() {
        var on = SwitchInjector.switchNamed("a");
        var plan = plan(List.of(),
                scenario("first", List.of(), flip("a"), hold(Duration.ofMillis(200))),
                scenario("second", List.of(abortWhen("a is on", latest -> on.get())), flip("b"), hold(Duration.ofMillis(200))));

        RunResult result = run(plan);

        assertThat(result.scenarios()).extracting(ScenarioRecord::outcome)
                .containsExactly(ScenarioRecord.Outcome.COMPLETED, ScenarioRecord.Outcome.COMPLETED);
        assertThat(result.scenarios().get(0).abortSeries()).isEmpty();
        assertThat(result.scenarios().get(1).abortSeries()).hasSize(1);
        assertThat(result.interruption()).isNull();
    }
}
