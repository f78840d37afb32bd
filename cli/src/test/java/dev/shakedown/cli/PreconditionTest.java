package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.ledger.LedgerReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PreconditionTest {
    @TempDir Path dir;

    @Test
    void whenTheSteadyStateDoesNotHoldNothingIsInjected() throws Exception {
        Path script = Files.writeString(dir.resolve("unhealthy.chaos.groovy"), String.join("\n",
                "component 'unhealthy'",
                "def sut = demoSystem()",
                "condition 'healthy', { http.get(\"${sut.gateway}/no-such-page\").status == 200 }",
                "condition 'failClosed', { http.get(\"${sut.gateway}/api/orders\").status == 503 }",
                "scenario 'crash' {",
                "    steadyState healthy",
                "    inject kill('guardian')",
                "    expect failClosed within 1.s",
                "    recover",
                "}",
                ""));
        Path state = dir.resolve("state");

        Cli.Result r = Cli.run("run", script.toString(), "--out", dir.resolve("out").toString(), "--state", state.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        JsonNode s = Evidence.read(dir.resolve("out"), "unhealthy").get("scenarios").get(0);
        assertThat(s.get("verdict").asString()).isEqualTo("precondition-failed");
        assertThat(s.get("chaos_injected").asBoolean()).isFalse();
        assertThat(s.get("faults")).isEmpty();
        try (Stream<Path> ledgers = Files.list(state.resolve("ledger"))) {
            Path ledger = ledgers.findFirst().orElseThrow();
            assertThat(LedgerReader.lines(ledger)).noneMatch(l -> l.get("state").asString().equals("open")
                    && l.get("kind").asString().equals("fault"));
        }
    }
}
