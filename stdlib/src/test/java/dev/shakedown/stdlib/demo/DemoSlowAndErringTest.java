package dev.shakedown.stdlib.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.stdlib.testing.TestBuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demoSystem(delay: 100.ms, errorEvery: 5)}: a slow, erring gateway whose figures a test knows. */
class DemoSlowAndErringTest {
    @TempDir Path dir;

    private List<String> gatewayCommand(Map<String, Object> options) {
        TestBuild build = new TestBuild(dir);
        new DemoSystemWord().call(build, options, List.of());
        return ((List<?>) build.resource("gateway").orElseThrow().options().get("command")).stream().map(String::valueOf).toList();
    }

    @Test
    void delayAndErrorEveryReachTheGatewaysCommandLine() {
        List<String> command = gatewayCommand(Map.of("delay", Duration.ofMillis(100), "errorEvery", 5));

        assertThat(String.join(" ", command)).contains("--delay-ms 100", "--error-every 5");
    }

    @Test
    void withoutThemTheGatewayIsNeitherSlowNorErring() {
        assertThat(gatewayCommand(Map.of())).doesNotContain("--delay-ms", "--error-every");
    }

    @Test
    void negativeOrNonNumericValuesAreRefused() {
        assertThatThrownBy(() -> gatewayCommand(Map.of("errorEvery", -1))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> gatewayCommand(Map.of("errorEvery", "often"))).hasMessageContaining("errorEvery");
    }
}
