package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.compile;
import static dev.shakedown.dsl.TestScripts.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.Step;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The top-level words, faults and resources as functions, and plain Groovy that must keep working. */
class WordsTest {
    @Test
    void theComponentDefaultsToTheFileName() throws Exception {
        ExperimentPlan plan = compile("billing-latency", "condition 'healthy', { true }\nscenario 'x' { recover }\n");
        assertThat(plan.component()).isEqualTo("billing-latency");
        assertThat(plan.monitorEvery()).isEqualTo(ExperimentPlan.DEFAULT_MONITOR_EVERY);
    }

    @Test
    void resourcesFaultsMonitoringAndSchedules() throws Exception {
        ExperimentPlan plan = compile("words", """
                process 'guardian', command: ['java', '-jar', 'guardian.jar'], port: 7001
                process 'billing', match: 'BillingMain'
                monitor every: 250.ms
                def target = 'guardian'
                scenario 'a' { inject kill("$target", signal: 'TERM') }
                scenario 'b' { inject latency('db', 100.ms, jitter: 10.ms) }
                schedule 'a', cron: '0 0 3 * * ?'
                schedule(['a', 'b'], cron: '0 0 4 * * ?', timezone: 'UTC')
                schedule 'all', cron: '0 0 5 * * ?'
                """);
        assertThat(plan.resources()).extracting(ResourceSpec::name, ResourceSpec::options).containsExactly(
                tuple("guardian", Map.of("command", List.of("java", "-jar", "guardian.jar"), "port", 7001)),
                tuple("billing", Map.of("match", "BillingMain")));
        assertThat(plan.monitorEvery()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.scenarios()).flatExtracting(s -> s.injections()).extracting(i -> i.fault())
                .extracting(FaultSpec::type, FaultSpec::args, FaultSpec::options).containsExactly(
                        tuple("kill", List.of("guardian"), Map.of("signal", "TERM")),
                        tuple("latency", List.of("db", Duration.ofMillis(100)), Map.of("jitter", Duration.ofMillis(10))));
        assertThat(plan.schedules()).extracting(ScheduleSpec::scenarios, ScheduleSpec::cron, ScheduleSpec::zone).containsExactly(
                tuple(List.of("a"), "0 0 3 * * ?", ZoneId.systemDefault()),
                tuple(List.of("a", "b"), "0 0 4 * * ?", ZoneId.of("UTC")),
                tuple(List.of(), "0 0 5 * * ?", ZoneId.systemDefault()));
    }

    @Test
    void aResourceNameIsDeclaredOnce() {
        assertThat(errors("twice", "process 'g', match: 'G'\nprocess 'g', match: 'H'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/twice.chaos.groovy:2:1: 'g' is declared twice (first at target/scripts/twice.chaos.groovy:1:1)");
    }

    @Test
    void loadNeedsARequestAndARate() {
        assertThat(errors("load", "load 'http://x', rate: 5.perSecond\n")).extracting(ScriptError::message)
                .containsExactly("load needs a request such as http.get(url), not 'http://x'; write it as: load http.get(url), rate: 50.perSecond");
        assertThat(errors("load-rate", "load http.get('http://x'), rate: 5\n")).extracting(ScriptError::message)
                .containsExactly("load needs a rate for rate:, not 5; write it as: load http.get(url), rate: 50.perSecond");
    }

    @Test
    void aConditionNamedInsideAnotherAsksItsProbe() throws Exception {
        ExperimentPlan plan = compile("composite", """
                def up = true
                condition 'healthy', { up }
                condition 'degraded', { !healthy }
                scenario 'x' { steadyState 'healthy'; recover }
                """);
        assertThat(plan.condition("degraded").orElseThrow().probe().test()).isFalse();
        assertThat(plan.scenarios().get(0).steps().get(0)).isInstanceOf(Step.SteadyState.class);
    }

    @Test
    void theBaseClassKeepsItsStateToItself() {
        assertThat(errors("private", "condition 'healthy', { true }\nprintln plan\n")).extracting(ScriptError::message)
                .containsExactly("unknown name 'plan' (not a variable, a condition or a word)");
    }

    @Test
    void plainGroovyKeepsWorking() throws Exception {
        ExperimentPlan plan = compile("groovy", """
                condition 'healthy', { true }
                greeting = { who -> "hello $who" }
                def steps = { inject kill('guardian') }
                def report() { println greeting('log') }
                scenario([a: 1].with { size() } == 1 ? 'with-works' : 'broken') {
                    report()
                    println 'inside'
                    steps()
                    sleep 1
                    recover
                }
                """);
        assertThat(plan.scenarios().get(0).name()).isEqualTo("with-works");
        assertThat(plan.scenarios().get(0).steps()).extracting(Step::describe).containsExactly("inject kill('guardian')", "recover");
    }

    /** As in Ratpack: every closure the DSL takes says what it delegates to, so IDEs and type checkers can follow. */
    @Test
    void everyClosureParameterDeclaresItsDelegate() {
        List<Parameter> closures = Stream.of(ChaosScript.class, ScenarioBuilder.class, SloBuilder.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .flatMap((Method m) -> Arrays.stream(m.getParameters()))
                .filter(p -> p.getType() == Closure.class)
                .toList();
        assertThat(closures).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getAnnotation(DelegatesTo.class)).as(p.getDeclaringExecutable().getName()).isNotNull();
            assertThat(p.getAnnotation(DelegatesTo.class).strategy()).isEqualTo(Closure.DELEGATE_FIRST);
        });
    }
}
