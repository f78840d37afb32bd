package dev.shakedown.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.Observation;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.run.ScenarioRecord.ExpectationRecord;
import dev.shakedown.engine.run.ScenarioRecord.Outcome;
import dev.shakedown.engine.run.ScenarioRecord.Phase;
import dev.shakedown.engine.validate.Check.Status;
import dev.shakedown.engine.validate.ScenarioVerdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's penalties: 30 fail-closed, 40 recovery, 20 recovery time, 10 error rate. */
class ValidatorTest {
    private static final long MS = 1_000_000;
    private final Validator validator = new Validator();

    private static ExpectationRecord expectation(Phase phase, long withinMs, long anchorMs, Long firstTrueMs) {
        Observation o = firstTrueMs == null ? null : new Observation(firstTrueMs * MS - MS, firstTrueMs * MS, true, null);
        boolean met = firstTrueMs != null && firstTrueMs - anchorMs <= withinMs;
        return new ExpectationRecord(phase == Phase.RECOVERY ? "healthy" : "failClosed", phase, withinMs * MS,
                phase == Phase.RECOVERY ? "recover" : "inject kill('guardian')", anchorMs * MS, met, o, "x:1:1");
    }

    private static MonitorSample sample(long atMs, double errorRate) {
        return new MonitorSample(atMs * MS, 500 * MS, 25L, 5.0, 9.0, 12.0, errorRate, 50.0, 0.0, java.util.Map.of(), 10, 20);
    }

    private static ScenarioRecord record(List<ExpectationRecord> expectations, List<MonitorSample> samples) {
        return new ScenarioRecord("crash", Outcome.COMPLETED, null, 0, 40_000 * MS, 1_000 * MS, 31_000 * MS,
                SloSpec.SEED_DEFAULTS, List.of(), List.of(), expectations, Map.of(), Map.of(), samples);
    }

    @Test
    void aResilientScenarioScores100() {
        var v = validator.validate(record(List.of(expectation(Phase.DURING_CHAOS, 1000, 1000, 1012L),
                expectation(Phase.RECOVERY, 30_000, 31_000, 31_800L)), List.of(sample(1500, 0.0))));

        assertThat(v.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(v.score()).isEqualTo(100);
        assertThat(v.checks()).extracting(Check::status).containsOnly(Status.PASSED);
    }

    @Test
    void aSystemThatFailsOpenLoses30() {
        var v = validator.validate(record(List.of(expectation(Phase.DURING_CHAOS, 1000, 1000, null),
                expectation(Phase.RECOVERY, 30_000, 31_000, 31_100L)), List.of(sample(1500, 0.0))));

        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(v.score()).isEqualTo(70);
        assertThat(v.checks()).filteredOn(c -> c.status() == Status.FAILED).extracting(Check::check)
                .containsExactly("fail_closed_triggered");
    }

    @Test
    void noRecoveryLoses40AndTheRecoveryTimeSlo20() {
        var v = validator.validate(record(List.of(expectation(Phase.DURING_CHAOS, 1000, 1000, 1010L),
                expectation(Phase.RECOVERY, 30_000, 31_000, null)), List.of()));

        assertThat(v.score()).isEqualTo(40);
    }

    @Test
    void aSlowRecoveryLoses20AndAHighErrorRate10() {
        var v = validator.validate(record(List.of(expectation(Phase.DURING_CHAOS, 1000, 1000, 1010L),
                expectation(Phase.RECOVERY, 60_000, 31_000, 71_000L)), List.of(sample(1500, 0.5), sample(2000, 0.1))));

        assertThat(v.checks()).filteredOn(c -> c.status() == Status.FAILED).extracting(Check::check)
                .containsExactly("recovery_time_slo", "error_rate_during_chaos");
        assertThat(v.score()).isEqualTo(70);
    }

    @Test
    void aLatencyBreachCostsNoPointsButFailsTheScenario() {
        var slow = new MonitorSample(1500 * MS, 500 * MS, 25L, 400.0, 900.0, 990.0, 0.0, 50.0, 0.0, java.util.Map.of(), 10, 20);
        var v = validator.validate(record(List.of(expectation(Phase.DURING_CHAOS, 1000, 1000, 1012L)), List.of(slow)));

        assertThat(v.score()).isEqualTo(100);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(v.checks()).filteredOn(c -> c.status() == Status.FAILED).extracting(Check::check).containsExactly("latency_during_chaos");
    }

    @Test
    void checksWithoutAnExpectationAreNotApplicableAndCostNothing() {
        var v = validator.validate(record(new ArrayList<>(), List.of()));

        assertThat(v.checks()).extracting(Check::status).containsOnly(Status.NOT_APPLICABLE);
        assertThat(v.score()).isEqualTo(100);
        assertThat(v.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void aPreconditionFailureScoresNothing() {
        var r = new ScenarioRecord("crash", Outcome.PRECONDITION_FAILED, "steady state", 0, 0, -1, -1, SloSpec.SEED_DEFAULTS,
                List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of());
        var v = validator.validate(r);
        assertThat(v.verdict()).isEqualTo(Verdict.PRECONDITION_FAILED);
        assertThat(v.score()).isZero();
    }
}
