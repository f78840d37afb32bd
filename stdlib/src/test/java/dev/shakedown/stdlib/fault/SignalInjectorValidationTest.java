package dev.shakedown.stdlib.fault;

import static dev.shakedown.stdlib.fault.FaultSpecs.fault;
import static dev.shakedown.stdlib.fault.FaultSpecs.planWith;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.FaultCategory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalInjectorValidationTest {
    KillInjector kill = new KillInjector();
    ResourceSpec guardian = process("guardian", Map.of("command", "sleep 300"));

    @Test
    void acceptsADeclaredProcess() {
        assertThat(kill.validate(fault("kill", "guardian"), planWith(guardian))).isEmpty();
        assertThat(kill.category()).isEqualTo(FaultCategory.PROCESS);
    }

    @Test
    void suggestsTheNearestDeclaredProcess() {
        assertThat(kill.validate(fault("kill", "guardan"), planWith(guardian)))
                .containsExactly("no process 'guardan', did you mean 'guardian'?");
        assertThat(kill.validate(fault("kill", "billing"), planWith(guardian)))
                .containsExactly("no process 'billing'");
    }

    @Test
    void refusesWhatIsNotAProcess() {
        ResourceSpec link = new ResourceSpec("link", "db", Map.of(), SourceRef.UNKNOWN);

        assertThat(new StopInjector().validate(fault("stop", "db"), planWith(guardian, link)))
                .containsExactly("'db' is a link, not a process; stop works on processes");
    }

    @Test
    void needsATargetAndTakesNoOptions() {
        assertThat(kill.validate(new FaultSpec("kill", List.of(), Map.of(), SourceRef.UNKNOWN), planWith(guardian)))
                .containsExactly("kill needs the name of a process: kill('guardian')");
        assertThat(kill.validate(new FaultSpec("kill", List.of("guardian"), Map.of("signal", 15), SourceRef.UNKNOWN),
                planWith(guardian)))
                .containsExactly("kill takes no named options, only the name of a process");
    }

    @Test
    void describesWhatItWouldDo() {
        assertThat(kill.describe(fault("kill", "guardian")))
                .isEqualTo("send SIGKILL to process 'guardian' (recover restarts it if the run launched it)");
        assertThat(new StopInjector().describe(fault("stop", "guardian")))
                .isEqualTo("send SIGSTOP to process 'guardian' (recover sends SIGCONT)");
    }
}
