package dev.shakedown.stdlib.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandProbeTest {
    CommandWord command = new CommandWord();

    private CommandCheck check(Map<String, Object> named, Object what) {
        return (CommandCheck) command.call(null, named, List.of(what));
    }

    @Test
    void givesTheExitCodeAndTheOutput() {
        CommandCheck check = check(Map.of(), List.of("sh", "-c", "echo to-out; echo to-err >&2; exit 3"));

        assertThat(check.getExitCode()).isEqualTo(3);
        assertThat(check.getOutput()).contains("to-out").contains("to-err");
    }

    @Test
    void splitsACommandGivenAsOneString() {
        assertThat(check(Map.of(), "sh -c 'test \"a b\" = \"a b\"'").getExitCode()).isZero();
    }

    @Test
    void aCommandThatOverrunsItsTimeoutIsKilledAndReported() {
        CommandCheck check = check(Map.of("timeout", Duration.ofMillis(300)), List.of("sleep", "30"));

        assertThatThrownBy(check::getExitCode).hasMessage("command 'sleep 30' did not finish within 300ms");
    }

    @Test
    void aMissingProgramIsReported() {
        assertThatThrownBy(check(Map.of(), List.of("no-such-program-here"))::getExitCode)
                .hasMessageStartingWith("command 'no-such-program-here' could not be run");
    }
}
