package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.evidence.EvidenceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The README's include example against the real stdlib: one team's templates, another team's experiment. */
class IncludeScriptsTest {
    private static final String TEMPLATES = """
            // lib/guardian.chaos.groovy: one team's scenario templates
            sut = demoSystem()                          // no def: files that include this one read it
            holdFor = param('hold', 30.s)
            condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }

            def guardianCrash(String target) {
                scenario("crash $target") {
                    steadyState healthy
                    inject kill(target)
                    hold holdFor
                    recover
                    expect healthy within 30.s
                }
            }
            """;

    private static final String EXPERIMENT = """
            // checkout.chaos.groovy: another team's experiment
            include 'lib/guardian.chaos.groovy'         // relative to this file, wherever shakedown runs from
            guardianCrash 'guardian'
            scenario 'slowGuardian' {
                steadyState healthy
                inject latency(sut.links.guardian, 800.ms)
                hold holdFor
                recover
            }
            """;

    @TempDir Path dir;

    @Test
    void theReadmeExamplePlansWithTheIncludedFileAndItsHash() throws Exception {
        Path lib = Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("guardian.chaos.groovy"), TEMPLATES);
        Path script = Files.writeString(dir.resolve("checkout.chaos.groovy"), EXPERIMENT);

        Cli.Result r = Cli.run("plan", script.toString(), "--json", "--param", "hold=2s");

        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode plan = EvidenceWriter.JSON.readTree(r.out());
        assertThat(plan.at("/includes/0/path").asString()).isEqualTo(lib.toString());
        assertThat(plan.at("/includes/0/sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(lib))));
        assertThat(plan.get("scenarios")).extracting(s -> s.get("name").asString()).containsExactly("crash guardian", "slowGuardian");
        assertThat(plan.at("/scenarios/0/steps/1/source").asString()).isEqualTo(lib + ":9:9");
    }

    @Test
    void aMistakeInTheIncludedFileIsReportedThereWithWhereItWasIncludedFrom() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("guardian.chaos.groovy"), TEMPLATES.replace("kill(target)", "kil(target)"));
        Path script = Files.writeString(dir.resolve("checkout.chaos.groovy"), EXPERIMENT);

        Cli.Result r = Cli.run("plan", script.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve("lib/guardian.chaos.groovy") + ":9:16: unknown fault 'kil', did you mean 'kill'? (included from "
                + script + ":2)");
        HostileScriptsTest.assertNoStackTrace(r);
    }
}
