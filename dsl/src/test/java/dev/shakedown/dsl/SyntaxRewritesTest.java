package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.compile;
import static dev.shakedown.dsl.TestScripts.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The four rewrites of {@link SyntaxRewrites}, and the Groovy around them that must stay Groovy. */
class SyntaxRewritesTest {
    private static final String CONDITIONS = "condition 'healthy', { true }\ncondition 'failClosed', every: 10.ms, { false }\n";

    @Nested
    class ScenarioNames {
        @Test
        void aQuotedNameBeforeTheBlockIsTheScenariosName() throws Exception {
            ExperimentPlan plan = compile("names", CONDITIONS + """
                    scenario 'guardian-crash' { recover }
                    def target = 'billing'
                    scenario "crash-$target" { recover }
                    scenario('called') { recover }
                    scenario bare { recover }
                    """);
            assertThat(plan.scenarios()).extracting(ScenarioPlan::name)
                    .containsExactly("guardian-crash", "crash-billing", "called", "bare");
        }

        @Test
        void aMethodNamedLikeTheScenarioIsNotTouchedOutsideTheShape() throws Exception {
            ExperimentPlan plan = compile("names-other", CONDITIONS + """
                    def named(String n) { n.toUpperCase() }
                    scenario named('x'), { recover }
                    """);
            assertThat(plan.scenarios()).extracting(ScenarioPlan::name).containsExactly("X");
        }
    }

    @Nested
    class SloComparisons {
        @Test
        void numbersDecimalsAndVariablesAreLimits() throws Exception {
            ExperimentPlan plan = compile("slo", CONDITIONS + """
                    def recoveryLimit = 45.s
                    def limits = [failClosed: 2.s]
                    slo {
                        errorRate    below 0.5.percent
                        latency.p95  below 250.ms
                        recovery     within recoveryLimit
                        failClosed   within limits.failClosed
                    }
                    scenario 'x' { recover }
                    """);
            assertThat(plan.slo()).isEqualTo(new SloSpec(0.005, Duration.ofMillis(250), Duration.ofSeconds(45), Duration.ofSeconds(2)));
        }

        @Test
        void percentilesThatAreNotJudgedAreRefusedNotIgnored() {
            assertThatThrownBy(() -> compile("slo-p99", CONDITIONS + """
                    slo { latency.p99 below 1.s }
                    scenario 'x' { recover }
                    """)).isInstanceOf(ScriptErrors.class)
                    .hasMessageContaining("slo-p99.chaos.groovy:3:").hasMessageContaining("only latency.p95 is");
        }

        @Test
        void aScenarioOverridesOnlyWhatItNamesOnTopOfTheExperiment() throws Exception {
            ExperimentPlan plan = compile("slo-scenario", CONDITIONS + """
                    scenario 'strict' {
                        slo { recovery within 10.s }
                        recover
                    }
                    scenario 'plain' { recover }
                    slo { errorRate below 1.percent }
                    """);
            SloSpec experiment = SloSpec.SEED_DEFAULTS.withMaxErrorRate(0.01);
            assertThat(plan.slo()).isEqualTo(experiment);
            assertThat(plan.scenarios().get(0).slo()).contains(experiment.withRecoveryWithin(Duration.ofSeconds(10)));
            assertThat(plan.scenarios().get(1).slo()).isEmpty();
        }

        @Test
        void aWrongComparisonOrLimitSaysHowToWriteIt() {
            assertThat(errors("slo-wrong", CONDITIONS + """
                    slo {
                        errorRate within 5.percent
                    }
                    """)).extracting(ScriptError::toString).containsExactly(
                    "target/scripts/slo-wrong.chaos.groovy:4:5: errorRate takes 'below', not 'within'; write it as: errorRate below 5.percent");
            assertThat(errors("slo-unit", CONDITIONS + """
                    slo {
                        recovery within 30
                    }
                    """)).extracting(ScriptError::toString).containsExactly(
                    "target/scripts/slo-unit.chaos.groovy:4:5: recovery needs a duration, not 30; write it as: recovery within 30.s");
        }

        @Test
        void outsideSloTheSameWordsAreNotRewritten() {
            // a forgotten `expect` reads `within` as a name: say where it belongs instead of an unknown word
            assertThat(errors("slo-outside", CONDITIONS + "scenario 'x' {\n    failClosed within 1.s\n}\n"))
                    .extracting(ScriptError::toString).containsExactly("target/scripts/slo-outside.chaos.groovy:4:16: 'within' goes"
                            + " between an objective and its limit inside slo { } (recovery within 30.s) or after an expect inside a scenario"
                            + " (expect healthy within 30.s)");
        }
    }

    @Nested
    class BareRecover {
        @Test
        void aRecoverStatementIsTheStepInScenariosHelpersAndLoops() throws Exception {
            ExperimentPlan plan = compile("recover", CONDITIONS + """
                    def rollBack() {
                        recover
                    }
                    scenario 'x' {
                        recover
                        rollBack()
                        2.times { recover }
                    }
                    """);
            assertThat(plan.scenarios().get(0).steps()).hasSize(4).allMatch(Step.Recover.class::isInstance);
            assertThat(plan.scenarios().get(0).steps().get(1).source().line()).isEqualTo(4);
        }

        @Test
        void outsideAScenarioItIsAnError() {
            assertThat(errors("recover-outside", CONDITIONS + "recover\n")).extracting(ScriptError::toString)
                    .containsExactly("target/scripts/recover-outside.chaos.groovy:3:1: recover is only allowed inside a scenario");
        }
    }

    @Nested
    class StepWordsBeatVariables {
        @Test
        void aVariableNamedHoldDoesNotHideTheStep() throws Exception {
            ExperimentPlan plan = compile("shadow", CONDITIONS + """
                    def hold = param('hold', 30.s)
                    scenario 'x' {
                        hold hold
                        hold 1.s
                    }
                    def later(Duration hold) { hold hold }
                    scenario 'y' { later(2.s) }
                    """.replace("Duration", "java.time.Duration"), Map.of("hold", "3s"));
            assertThat(plan.scenarios().get(0).steps()).containsExactly(
                    new Step.Hold(Duration.ofSeconds(3), plan.scenarios().get(0).steps().get(0).source()),
                    new Step.Hold(Duration.ofSeconds(1), plan.scenarios().get(0).steps().get(1).source()));
            assertThat(plan.scenarios().get(1).steps()).extracting(Step::describe).containsExactly("hold 2s");
        }
    }

    @Nested
    class PlainGroovy {
        @Test
        void loopsAndHelperFunctionsGenerateSteps() throws Exception {
            ExperimentPlan plan = compile("loops", CONDITIONS + """
                    def crash(name) {
                        inject kill(name)
                    }
                    scenario 'flapping' {
                        3.times { inject kill('guardian'); hold 1.s }
                        for (target in ['billing', 'db']) {
                            crash(target)
                        }
                        recover
                    }
                    """);
            List<Step> steps = plan.scenarios().get(0).steps();
            assertThat(steps).extracting(Step::describe).containsExactly(
                    "inject kill('guardian')", "hold 1s", "inject kill('guardian')", "hold 1s", "inject kill('guardian')", "hold 1s",
                    "inject kill('billing')", "inject kill('db')", "recover");
            assertThat(steps.get(0).source()).isEqualTo(new SourceRef("target/scripts/loops.chaos.groovy", 7, 15));
            assertThat(steps.get(1).source()).isEqualTo(new SourceRef("target/scripts/loops.chaos.groovy", 7, 40));
            assertThat(steps.get(6).source().line()).as("the step written in the helper").isEqualTo(4);
            assertThat(steps.get(6).source().column()).isEqualTo(5);
        }
    }
}
