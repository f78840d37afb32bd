package dev.shakedown.stdlib.process;

import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessResourceTypeTest {
    ProcessResourceType type = new ProcessResourceType();

    @Test
    void acceptsALaunchAndAnAttach() {
        assertThat(type.validate(process("a", Map.of("command", List.of("sleep", "1"), "port", 7001)))).isEmpty();
        assertThat(type.validate(process("b", Map.of("match", "BillingMain")))).isEmpty();
    }

    @Test
    void namesAMisspeltOption() {
        assertThat(type.validate(process("guardian", Map.of("command", "sleep 1", "prot", 7001))))
                .singleElement().asString()
                .startsWith("unknown option 'prot' for process 'guardian', did you mean 'port'?");
    }

    @Test
    void refusesLaunchAndAttachTogetherAndNeither() {
        assertThat(type.validate(process("x", Map.of("command", "sleep 1", "match", "sleep"))))
                .singleElement().asString().contains("not both");
        assertThat(type.validate(process("x", Map.of("port", 7001))))
                .singleElement().asString().contains("option command is missing");
    }

    @Test
    void refusesABadPortAndARegexThatDoesNotCompile() {
        assertThat(type.validate(process("x", Map.of("command", "sleep 1", "port", 70000))))
                .singleElement().asString().contains("'70000' is not a TCP port");
        assertThat(type.validate(process("x", Map.of("match", "(unclosed"))))
                .singleElement().asString().contains("is not a regular expression");
    }

    @Test
    void describesWhatStartingWouldDo() {
        assertThat(type.describe(process("guardian", Map.of(
                "command", List.of("java", "-jar", "guardian.jar"), "port", 7001, "startupTimeout", Duration.ofSeconds(5)))))
                .isEqualTo("launch process 'guardian': java -jar guardian.jar; ready when 127.0.0.1:7001 accepts "
                        + "connections, within 5s; output to logs/guardian.log");
        assertThat(type.describe(process("billing", Map.of("match", "BillingMain"))))
                .isEqualTo("attach to the process whose command line matches /BillingMain/ as process 'billing' (left running)");
    }
}
