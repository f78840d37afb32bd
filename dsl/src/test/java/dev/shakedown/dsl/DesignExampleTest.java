package dev.shakedown.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shakedown.dsl.fakes.FakeHttp;
import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Rate;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example of DESIGN.md, verbatim (src/test/resources/guardian-crash.chaos.groovy), with test words and faults. */
class DesignExampleTest {
    private static final String FILE = "target/scripts/guardian-crash.chaos.groovy";
    private static final String GATEWAY = "http://127.0.0.1:18080";
    private static ExperimentPlan plan;

    @BeforeAll
    static void compile() throws Exception {
        plan = TestScripts.compile("guardian-crash", example());
    }

    @AfterEach
    void resetAnswers() {
        FakeHttp.STATUS.clear();
    }

    @Test
    void namesTheComponentAndRecordsTheScript() {
        assertThat(plan.component()).isEqualTo("guardian");
        assertThat(plan.script()).contains(Path.of(FILE));
        assertThat(plan.params()).isEmpty();
    }

    @Test
    void declaresTheResourcesOfTheWordWithoutStartingThem() {
        assertThat(plan.resources()).extracting(ResourceSpec::kind, ResourceSpec::name, ResourceSpec::source)
                .containsExactly(
                        tuple("process", "db", at(4, 11)),
                        tuple("process", "guardian", at(4, 11)),
                        tuple("process", "gateway", at(4, 11)));
    }

    @Test
    void conditionsHaveTheirIntervalsAndPositions() {
        assertThat(plan.conditions()).extracting(ConditionSpec::name, ConditionSpec::every, ConditionSpec::source)
                .containsExactly(
                        tuple("failClosed", Duration.ofMillis(10), at(9, 1)),
                        tuple("healthy", ConditionSpec.DEFAULT_EVERY, at(10, 1)));
    }

    @Test
    void conditionClosuresAreProbesThatRunOnTheEnginesThreads() throws Exception {
        FakeHttp.STATUS.put(GATEWAY + "/api/orders", 503);
        FakeHttp.STATUS.put(GATEWAY + "/health", 500);
        ConditionSpec failClosed = plan.condition("failClosed").orElseThrow();
        ConditionSpec healthy = plan.condition("healthy").orElseThrow();

        assertThat(CompletableFuture.supplyAsync(() -> test(failClosed)).get()).isTrue();
        assertThat(CompletableFuture.supplyAsync(() -> test(healthy)).get()).isFalse();
        FakeHttp.STATUS.clear();
        assertThat(CompletableFuture.supplyAsync(() -> test(healthy)).get()).isTrue();
    }

    @Test
    void loadHasTheRequestAndTheRate() {
        assertThat(plan.loads()).singleElement().satisfies(load -> {
            assertThat(load.name()).isEqualTo("load-1");
            assertThat(load.rate()).isEqualTo(new Rate(50));
            assertThat(load.action()).isEqualTo(new FakeHttp.Request(GATEWAY + "/api/orders"));
            assertThat(load.source()).isEqualTo(at(12, 1));
        });
    }

    @Test
    void objectivesAndMonitoring() {
        assertThat(plan.slo()).isEqualTo(SloSpec.SEED_DEFAULTS);
        assertThat(plan.monitorEvery()).isEqualTo(ExperimentPlan.DEFAULT_MONITOR_EVERY);
    }

    @Test
    void theScenarioRecordsItsStepsInOrderWithPositions() {
        ScenarioPlan scenario = plan.scenarios().get(0);
        assertThat(plan.scenarios()).hasSize(1);
        assertThat(scenario.name()).isEqualTo("guardianCrash");
        assertThat(scenario.source()).isEqualTo(at(21, 1));
        assertThat(scenario.slo()).isEmpty();
        assertThat(scenario.steps()).containsExactly(
                new Step.SteadyState("healthy", at(22, 5)),
                new Step.Inject(new FaultSpec("kill", List.of("guardian"), Map.of(), at(23, 12)), at(23, 5)),
                new Step.ExpectWithin("failClosed", Duration.ofSeconds(1), at(24, 5)),
                new Step.Hold(Duration.ofSeconds(30), at(25, 5)),
                new Step.Recover(at(26, 5)),
                new Step.ExpectWithin("healthy", Duration.ofSeconds(30), at(27, 5)));
    }

    @Test
    void theScheduleNamesTheScenario() {
        assertThat(plan.schedules()).containsExactly(
                new ScheduleSpec(List.of("guardianCrash"), "0 0 3 * * ?", at(30, 1)));
    }

    private static boolean test(ConditionSpec condition) {
        try {
            return condition.probe().test();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static SourceRef at(int line, int column) {
        return new SourceRef(FILE, line, column);
    }

    private static String example() throws IOException {
        try (InputStream in = DesignExampleTest.class.getResourceAsStream("/guardian-crash.chaos.groovy")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
