package dev.shakedown.stdlib.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.IncludedFile;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.stdlib.testing.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library {@code stdlib:demo} the example scripts include: what it declares and what its templates build. */
class DemoLibraryTest {
    @TempDir Path dir;

    @Test
    void theExperimentAndTheTemplatesBuildTheSeedsScenarios() throws Exception {
        ExperimentPlan plan = TestScripts.compile(dir.resolve("lib.chaos.groovy"), """
                include 'stdlib:demo'
                def sut = demoExperiment(delay: 10.ms)
                failClosedWith 'dbTimeout', sut, 'db-timeout'
                failsClosed 'databaseStall', inject: timeout(sut.links.db), expect: dbTimeout, within: 2.s, p95: 1500.ms
                ridesOut 'cpuExhaustion', inject: cpu(cores: 'all', load: 50.percent)
                """);

        assertThat(plan.includes()).extracting(IncludedFile::path).containsExactly("stdlib:demo");
        assertThat(plan.resources()).extracting(r -> r.name()).contains("db", "guardian", "gateway");
        assertThat(plan.conditions()).extracting(ConditionSpec::name).containsExactly("healthy", "failClosed", "dbTimeout");
        assertThat(plan.condition("dbTimeout").orElseThrow().every()).isEqualTo(Duration.ofMillis(10));
        assertThat(plan.loads()).singleElement().satisfies(l -> assertThat(l.rate().perSecond()).isEqualTo(50.0));
        assertThat(plan.slo()).isEqualTo(SloSpec.SEED_DEFAULTS);

        ScenarioPlan stall = plan.scenarios().get(0);
        assertThat(stall.name()).isEqualTo("databaseStall");
        assertThat(stall.steps()).extracting(Step::describe).containsExactly("steady state: healthy", "inject timeout(dbLink)",
                "expect dbTimeout within 2s", "hold 30s", "recover", "expect healthy within 30s");
        assertThat(stall.slo()).contains(SloSpec.SEED_DEFAULTS.withFailClosedWithin(Duration.ofSeconds(2)).withMaxLatencyP95(Duration.ofMillis(1500)));

        ScenarioPlan cpu = plan.scenarios().get(1);
        assertThat(cpu.steps()).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("SteadyState", "Inject", "Hold", "Recover", "ExpectWithin");
        assertThat(((Step.Inject) cpu.steps().get(1)).fault().options()).containsEntry("cores", "all");
        assertThat(cpu.slo()).isEmpty();
    }
}
