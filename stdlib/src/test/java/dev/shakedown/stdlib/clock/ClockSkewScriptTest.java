package dev.shakedown.stdlib.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.stdlib.testing.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clockSkew as scripts write it, compiled by the real DSL: signed offsets, mistakes at their line. */
class ClockSkewScriptTest {
    @TempDir
    Path dir;

    private ExperimentPlan compile(String script) throws Exception {
        return TestScripts.compile(dir.resolve("clock.chaos.groovy"), script);
    }

    @Test
    void signedOffsetsBecomeTheFaultsArguments() throws Exception {
        ExperimentPlan plan = compile("""
                component 'clock'
                process 'p', command: ['sleep', '300']
                scenario 'ahead' {
                    inject clockSkew('p', +30.s)
                    recover
                }
                scenario 'behind' {
                    inject clockSkew('p', -5.s)
                    recover
                }
                """);

        FaultSpec ahead = plan.scenarios().get(0).injections().get(0).fault();
        FaultSpec behind = plan.scenarios().get(1).injections().get(0).fault();
        assertThat(ahead.type()).isEqualTo("clockSkew");
        assertThat(ahead.args()).containsExactly("p", Duration.ofSeconds(30));
        assertThat(ahead.options()).isEmpty();
        assertThat(behind.args()).containsExactly("p", Duration.ofSeconds(-5));
        assertThat(SkewedProcesses.skews(plan, "p")).isTrue();
    }

    @Test
    void mistakesPointAtTheirLine() {
        assertThatThrownBy(() -> compile("""
                component 'clock'
                process 'guardian', command: ['sleep', '300']
                scenario 'skews' {
                    inject clockSkew('guardain', +30.s)
                    inject clockSkew('guardian', 0.s)
                    inject clockSkew('host', -5.s)
                    recover
                }
                """))
                .isInstanceOf(ScriptErrors.class)
                .hasMessageContaining("clock.chaos.groovy:4:5: no process 'guardain', did you mean 'guardian'?")
                .hasMessageContaining("clock.chaos.groovy:5:5: a zero offset changes nothing")
                .hasMessageContaining("clock.chaos.groovy:6:5: clockSkew('host'): Shakedown never changes the host's clock");
    }
}
