package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.compile;
import static dev.shakedown.dsl.TestScripts.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.plan.AbortSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.MonitorSample;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code abortWhen}: how it is written, what its closure reads, and how mistakes in it are reported. */
class AbortWhenTest {
    /** One monitoring window: 60 % errors, p95 800 ms, 4 requests per second, 20 % fail-closed, CPU 30 %. */
    private static MonitorSample window(double errorRate) {
        return new MonitorSample(1_000_000_000L, 500_000_000L, 2L, 100.0, 800.0, 900.0, errorRate, 4.0, 0.2, Map.of(), 30.0, 40.0);
    }

    @Test
    void atTheTopItWatchesEveryScenarioAndInsideAScenarioOnlyThatOne() throws Exception {
        ExperimentPlan plan = compile("abort-places", """
                abortWhen { errorRate > 50.percent }
                abortWhen 'slow', every: 10.ms, { latency.p95 > 2.s }
                scenario 'crash' {
                    abortWhen {
                        throughput < 1
                    }
                    hold 1.s
                }
                """);

        assertThat(plan.aborts()).extracting(AbortSpec::name).containsExactly("errorRate > 50.percent", "slow");
        assertThat(plan.aborts()).extracting(AbortSpec::every).containsExactly(AbortSpec.DEFAULT_EVERY, Duration.ofMillis(10));
        assertThat(plan.aborts().get(0).source().toString()).isEqualTo("target/scripts/abort-places.chaos.groovy:1:1");
        AbortSpec own = plan.scenarios().get(0).aborts().get(0);
        assertThat(own.name()).isEqualTo("throughput < 1");
        assertThat(own.source().line()).isEqualTo(4);
    }

    @Test
    void itsClosureComparesTheLatestWindowsMetricsInTheScriptsUnits() throws Exception {
        ExperimentPlan plan = compile("abort-metrics", """
                condition 'healthy', { false }
                abortWhen { errorRate > 50.percent }
                abortWhen { latency.p95 > 500.ms && latency.p50 < 200.ms }
                abortWhen { throughput < 10 }
                abortWhen { failClosedShare >= 20.percent || cpu > 90.percent }
                abortWhen { !healthy }
                scenario 'x' { hold 1.s }
                """);

        for (AbortSpec abort : plan.aborts()) {
            assertThat(abort.probe().test(window(0.6))).as(abort.name()).isTrue();
        }
        assertThat(plan.aborts().get(0).probe().test(window(0.4))).isFalse();
    }

    @Test
    void aConditionWhoseProbeFailsIsNoSoItsNegationCanAbort() throws Exception {
        ExperimentPlan plan = compile("abort-failing-condition", """
                condition 'healthy', { throw new java.io.IOException('no answer within 2s') }
                abortWhen { !healthy }
                scenario 'x' { hold 1.s }
                """);

        assertThat(plan.aborts().get(0).probe().test(null)).isTrue();
    }

    @Test
    void aMetricThatWasNotMeasuredIsAnErrorNotAnAnswer() throws Exception {
        ExperimentPlan plan = compile("abort-unmeasured", """
                abortWhen { errorRate > 50.percent }
                scenario 'x' { hold 1.s }
                """);
        var probe = plan.aborts().get(0).probe();

        assertThatThrownBy(() -> probe.test(null)).hasMessage("no monitoring window has ended since the first injection yet");
        var noLoad = new MonitorSample(1L, 1L, null, null, null, null, null, null, null, null, 10.0, 10.0);
        assertThatThrownBy(() -> probe.test(noLoad)).hasMessageContaining("errorRate was not measured");
    }

    @Test
    void mistakesAreReportedAtTheirPlace() {
        assertThat(errors("abort-names", """
                abortWhen { errRate > 50.percent }
                condition 'busy', { cpu > 90.percent }
                abortWhen { cpu > 95.percent }
                abortWhen { cpu > 95.percent }
                scenario 'x' { hold 1.s }
                """)).extracting(ScriptError::toString).containsExactly(
                "target/scripts/abort-names.chaos.groovy:1:13: unknown metric 'errRate', did you mean 'errorRate'?",
                "target/scripts/abort-names.chaos.groovy:2:21: unknown name 'cpu' (not a variable, a condition or a word)",
                "target/scripts/abort-names.chaos.groovy:4:1: abort condition 'cpu > 95.percent' is declared twice; give one a name: abortWhen 'other', { ... }");
        assertThat(errors("abort-option", "abortWhen 'x', evry: 10.ms, { cpu > 90.percent }\nscenario 'x' { hold 1.s }\n"))
                .extracting(ScriptError::toString).containsExactly(
                "target/scripts/abort-option.chaos.groovy:1:1: abortWhen does not take evry:, did you mean 'every'? (it takes only every:)");
        assertThat(errors("abort-every", "abortWhen every: 10, { cpu > 90.percent }\nscenario 'x' { hold 1.s }\n"))
                .extracting(ScriptError::toString).singleElement().asString()
                .startsWith("target/scripts/abort-every.chaos.groovy:1:1: abortWhen needs a duration for every:");
        assertThat(errors("abort-zero", "scenario 'x' {\n    abortWhen every: 0.ms, { cpu > 90.percent }\n    hold 1.s\n}\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/abort-zero.chaos.groovy:2:5: abort condition"
                        + " 'cpu > 90.percent' must be asked at an interval above zero, not 0ms");
    }
}
