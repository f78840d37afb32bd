package dev.shakedown.stdlib.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.stdlib.testing.TestScripts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word as scripts write it, compiled by the real DSL: it finds the word and the fault on the classpath. */
class FirewallScriptTest {
    @TempDir
    Path dir;

    private ExperimentPlan compile(String script) throws Exception {
        return TestScripts.compile(dir.resolve("db.chaos.groovy"), script);
    }

    @Test
    void injectsAPartitionWrittenWithTheWord() throws Exception {
        ExperimentPlan plan = compile("""
                component 'db'
                def db = '127.0.0.1'
                scenario 'dbPartition' {
                    inject firewall.partition(host: "${db}", port: 5432, mode: 'reject')
                    hold 1.s
                    recover
                }
                """);

        FaultSpec fault = plan.scenarios().get(0).injections().get(0).fault();
        assertThat(fault.type()).isEqualTo("firewallPartition");
        assertThat(fault.options()).isEqualTo(Map.of("host", "127.0.0.1", "port", 5432, "mode", "reject"));
    }

    @Test
    void aWrongOptionIsReportedAtItsLine() {
        assertThatThrownBy(() -> compile("""
                component 'db'
                scenario 'dbPartition' {
                    inject firewall.partition(port: 70000)
                }
                """))
                .isInstanceOf(ScriptErrors.class)
                .hasMessageEndingWith("db.chaos.groovy:3:5: option port: '70000' is not a TCP port (1-65535)");
    }
}
