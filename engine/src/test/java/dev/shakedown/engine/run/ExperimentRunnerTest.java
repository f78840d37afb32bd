package dev.shakedown.engine.run;

import static dev.shakedown.engine.run.Plans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.ledger.LedgerReader;
import dev.shakedown.engine.run.ScenarioRecord.Outcome;
import dev.shakedown.engine.run.ScenarioRecord.Phase;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    @TempDir Path state;

    @BeforeEach
    void reset() {
        SwitchInjector.reset();
    }

    private ExperimentRunner runner() {
        return new ExperimentRunner(Registry.fromClasspath(), new RunOptions(state, Duration.ofMillis(500)), RunListener.NONE);
    }

    @Test
    void anExpectationReachedEarlyWaitsAndMeasuresFromTheInjection() {
        var on = SwitchInjector.switchNamed("a");
        var plan = plan(List.of(condition("on", on::get), condition("off", () -> !on.get())),
                steady("off"), flip("a"), expect("on", Duration.ofSeconds(5)), recover(), expect("off", Duration.ofSeconds(5)));

        RunResult result = runner().run(plan);

        ScenarioRecord s = result.scenarios().get(0);
        assertThat(s.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(s.expectations()).extracting(ScenarioRecord.ExpectationRecord::met).containsExactly(true, true);
        var failClosed = s.expectations().get(0);
        assertThat(failClosed.phase()).isEqualTo(Phase.DURING_CHAOS);
        assertThat(failClosed.anchorNanos()).isEqualTo(s.faults().get(0).applyStartedNanos());
        assertThat(failClosed.firstTrue().completedNanos()).isGreaterThanOrEqualTo(failClosed.anchorNanos());
        // The first true observation is at most one probe interval (plus the probe itself) after the injection.
        assertThat(failClosed.elapsedNanos()).isPositive();
        assertThat(s.expectations().get(1).phase()).isEqualTo(Phase.RECOVERY);
        assertThat(SwitchInjector.EVENTS).containsExactly("on a", "off a");
    }

    @Test
    void anExpectationReachedLateIsDecidedFromTheRecordedTimeline() {
        var on = SwitchInjector.switchNamed("a");
        var plan = plan(List.of(condition("on", on::get)),
                flip("a"), hold(Duration.ofMillis(300)), expect("on", Duration.ofMillis(100)), recover());

        ScenarioRecord s = runner().run(plan).scenarios().get(0);

        var e = s.expectations().get(0);
        assertThat(e.met()).isTrue();
        assertThat(e.elapsedNanos()).isLessThanOrEqualTo(Duration.ofMillis(100).toNanos());
        // Decided after the fact: the step ended long after its deadline, yet it was met.
        assertThat(s.steps().get(2).startedNanos() - e.anchorNanos()).isGreaterThan(Duration.ofMillis(100).toNanos());
    }

    @Test
    void aConditionThatNeverHoldsFailsAndStillRollsBack() {
        var plan = plan(List.of(condition("never", () -> false)), flip("a"), expect("never", Duration.ofMillis(50)), hold(Duration.ZERO));

        ScenarioRecord s = runner().run(plan).scenarios().get(0);

        assertThat(s.expectations().get(0).met()).isFalse();
        assertThat(s.expectations().get(0).firstTrue()).isNull();
        assertThat(SwitchInjector.switchNamed("a").get()).isFalse();
        assertThat(s.faults().get(0).rolledBackNanos()).isPositive();
    }

    @Test
    void faultsAreRolledBackNewestFirstAndTheLedgerIsWrittenBeforeEachTakesEffect() {
        var plan = plan(List.of(), flip("a"), flip("b"), flip("c"));

        RunResult result = runner().run(plan);

        assertThat(SwitchInjector.EVENTS).containsExactly("on a", "on b", "on c", "off c", "off b", "off a");
        // When each fault was applied, its own record (and those of the faults before it) was already open.
        assertThat(SwitchInjector.OPEN_RECORDS_AT_APPLY).containsExactly(1, 2, 3);
        assertThat(LedgerReader.openRecords(result.ledgerFile())).isEmpty();
    }

    @Test
    void aFaultThatFailsToApplyEndsTheScenarioAndIsStillRolledBack() {
        var plan = plan(List.of(), flip("a"), flipFailing("b"), hold(Duration.ofSeconds(30)));

        ScenarioRecord s = runner().run(plan).scenarios().get(0);

        assertThat(s.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(s.problem()).contains("switch b is stuck");
        assertThat(SwitchInjector.EVENTS).containsExactly("on a", "off b", "off a");
    }

    @Test
    void whenTheSteadyStateDoesNotHoldNothingIsInjectedAndTheLedgerHasNoFault() {
        var plan = plan(List.of(condition("healthy", () -> false)), steady("healthy"), flip("a"), recover());

        RunResult result = runner().run(plan);

        ScenarioRecord s = result.scenarios().get(0);
        assertThat(s.outcome()).isEqualTo(Outcome.PRECONDITION_FAILED);
        assertThat(s.problem()).contains("steady state 'healthy' did not hold");
        assertThat(SwitchInjector.EVENTS).isEmpty();
        assertThat(LedgerReader.lines(result.ledgerFile())).isEmpty();
    }

    @Test
    void anInterruptDuringHoldRollsBackAndSaysSo() throws Exception {
        var on = SwitchInjector.switchNamed("a");
        ExperimentRunner runner = runner();
        var plan = plan(List.of(), flip("a"), hold(Duration.ofMinutes(5)), recover());
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(runner.run(plan)));
        t.start();
        org.awaitility.Awaitility.await().until(on::get);

        runner.interrupt("SIGINT");
        t.join(10_000);

        assertThat(result.get().interruption()).isEqualTo("SIGINT");
        assertThat(result.get().scenarios().get(0).outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(on.get()).isFalse();
        assertThat(LedgerReader.openRecords(result.get().ledgerFile())).isEmpty();
    }

    @Test
    void aScenarioWithAFaultThatCannotRunHereIsSkippedAndInjectsNothing() {
        var unavailable = new dev.shakedown.engine.plan.Step.Inject(new dev.shakedown.engine.plan.FaultSpec("flip", List.of("b"),
                java.util.Map.of("unavailable", "needs root"), Plans.HERE), Plans.HERE);
        var plan = plan(List.of(), flip("a"), unavailable, recover());

        RunResult result = runner().run(plan);

        ScenarioRecord s = result.scenarios().get(0);
        assertThat(s.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(s.problem()).isEqualTo("flip('b', unavailable: 'needs root') cannot run here: needs root");
        assertThat(SwitchInjector.EVENTS).isEmpty();
        var verdict = new dev.shakedown.engine.validate.Validator().validate(s);
        assertThat(verdict.verdict()).isEqualTo(dev.shakedown.engine.validate.ScenarioVerdict.Verdict.SKIPPED);
        assertThat(dev.shakedown.engine.evidence.RunVerdict.of(result, List.of(verdict)).verdict()).isEqualTo("skipped");
    }

    @Test
    void probeErrorsCountAsFalseAndAreRecorded() {
        var plan = plan(List.of(condition("boom", () -> { throw new IllegalStateException("connection refused"); })),
                flip("a"), expect("boom", Duration.ofMillis(50)));

        ScenarioRecord s = runner().run(plan).scenarios().get(0);

        assertThat(s.series().get("boom")).isNotEmpty().allSatisfy(o -> {
            assertThat(o.value()).isFalse();
            assertThat(o.error()).isEqualTo("connection refused");
        });
    }
}
