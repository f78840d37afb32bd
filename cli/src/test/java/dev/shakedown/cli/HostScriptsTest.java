package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The CPU and memory examples against the real demo: the evidence validates and says what was measured. */
class HostScriptsTest {
    @TempDir Path dir;

    private JsonNode run(String script, String component, String... params) throws Exception {
        Path out = dir.resolve("artifacts");
        String[] base = {"run", Cli.SCRIPTS.resolve(script).toString(), "--param", "hold=2s", "--out", out.toString(),
                "--state", dir.resolve("state").toString(), "--no-color"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(params)).toArray(String[]::new);
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return Evidence.read(out, component).get("scenarios").get(0);
    }

    @Test
    void underCpuExhaustionTheDemoStaysWithinItsSlo() throws Exception {
        JsonNode s = run("cpu-exhaustion.chaos.groovy", "cpu-exhaustion");

        assertThat(s.get("faults").get(0).get("details").get("helperPid").isNumber()).isTrue();
        assertThat(s.get("system_impact").get("cpu_usage_samples").get("max").asDouble()).isGreaterThan(50);
        assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
    }

    @Test
    void underMemoryPressureTheDemoStaysWithinItsSlo() throws Exception {
        JsonNode s = run("memory-exhaustion.chaos.groovy", "memory-exhaustion", "--param", "size=512mb");

        assertThat(s.get("faults").get(0).get("details").get("bytes").asLong()).isEqualTo(512L * 1024 * 1024);
        assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
    }
}
