package dev.shakedown.stdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {
    @Test
    void splitsLikeAShellAndKeepsQuotedWordsWhole() {
        assertThat(CommandLines.split("java -cp \"a b/c.jar\" Main"))
                .containsExactly("java", "-cp", "a b/c.jar", "Main");
        assertThat(CommandLines.split("sh -c 'echo \"hi there\"'"))
                .containsExactly("sh", "-c", "echo \"hi there\"");
    }

    @Test
    void takesAListAsItIs() {
        assertThat(CommandLines.words(List.of("sh", "-c", "exit 3"))).containsExactly("sh", "-c", "exit 3");
    }

    @Test
    void refusesNothingToRun() {
        assertThatThrownBy(() -> CommandLines.words("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandLines.words(List.of())).hasMessage("the command is empty");
    }
}
