package dev.shakedown.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.Step;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every feature of the language in one script, including a parameter named like the step it feeds. */
class LanguageTourTest {
    private static final String TOUR = """
            component 'guardian'
            def sut = [gateway: 'http://127.0.0.1:18080']
            def hold = param('hold', 30.s)
            process 'guardian', command: ['java', '-jar', 'guardian.jar'], port: 7001
            process 'billing', match: 'BillingMain'
            condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
            condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
            load http.get("${sut.gateway}/api/orders"), rate: 50.perSecond
            monitor every: 500.ms
            slo {
                errorRate    below 5.percent
                latency.p95  below 500.ms
                recovery     within 30.s
                failClosed   within 1.s
            }
            scenario 'guardianCrash' {
                steadyState healthy
                inject kill('guardian')
                expect failClosed within 1.s
                hold hold
                recover
                expect healthy within 30.s
            }
            schedule 'guardianCrash', cron: '0 0 3 * * ?'
            """;

    @Test
    void theWholeLanguageCompiles() throws Exception {
        ExperimentPlan plan = TestScripts.compile("tour", TOUR, Map.of("hold", "3s"));
        assertThat(plan.resources()).extracting(ResourceSpec::name).containsExactly("guardian", "billing");
        assertThat(plan.params()).containsExactly(Map.entry("hold", "3s"));
        assertThat(plan.scenarios().get(0).steps()).extracting(Step::describe).containsExactly(
                "steady state: healthy", "inject kill('guardian')", "expect failClosed within 1s", "hold 3s", "recover",
                "expect healthy within 30s");
        assertThat(plan.scenarios().get(0).steps().get(3)).isEqualTo(
                new Step.Hold(Duration.ofSeconds(3), plan.scenarios().get(0).steps().get(3).source()));
        assertThat(plan.scenarios().get(0).steps().get(3).source().toString()).isEqualTo("target/scripts/tour.chaos.groovy:20:5");
    }
}
