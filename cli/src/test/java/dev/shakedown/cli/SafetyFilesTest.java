package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only state and evidence; secret parameters and environment values never shown. */
class SafetyFilesTest {
    private static final String PASSWORD = "hunter2-very-secret";
    private static final String ENV_VALUE = "env-value-xyz-123";

    @TempDir Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void stateAndEvidenceAreOwnerOnlyAndSecretsAreMasked() throws Exception {
        Path script = Files.writeString(dir.resolve("secretive.chaos.groovy"), String.join("\n",
                "component 'secretive'",
                "def pwd = param('dbPassword', 'none')",
                "def holdFor = param('hold', 1.s)",
                "process 'sleeper', command: ['sh', '-c', 'sleep 300', 'sleeper', pwd], env: [API_TOKEN: '" + ENV_VALUE + "']",
                "scenario 'holds' {",
                "    hold holdFor",
                "}",
                ""));
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("run", script.toString(), "--param", "dbPassword=" + PASSWORD, "--param", "hold=200ms",
                "--out", out.toString(), "--state", state.toString(), "--no-color");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(0);
        Path evidence = out.resolve("secretive_chaos_resilience_validation.json");
        String text = Files.readString(evidence);
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(ENV_VALUE);
        assertThat(Evidence.read(out, "secretive").get("run").get("parameters").get("dbPassword").asString()).isEqualTo("***");
        assertThat(Evidence.read(out, "secretive").get("run").get("parameters").get("hold").asString()).isEqualTo("200ms");
        assertThat(r.all()).doesNotContain(PASSWORD).doesNotContain(ENV_VALUE);

        Cli.Result plan = Cli.run("plan", script.toString(), "--param", "dbPassword=" + PASSWORD, "--no-color");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.all()).doesNotContain(PASSWORD).contains("***");
        Cli.Result json = Cli.run("plan", script.toString(), "--json", "--param", "dbPassword=" + PASSWORD);
        assertThat(json.all()).doesNotContain(PASSWORD).contains("***");

        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("lock"))).isEqualTo("rw-------");
        assertThat(mode(state.resolve("ledger"))).isEqualTo("rwx------");
        try (Stream<Path> ledgers = Files.list(state.resolve("ledger")); Stream<Path> runs = Files.list(state.resolve("runs"))) {
            Path ledger = ledgers.findFirst().orElseThrow();
            assertThat(mode(ledger)).isEqualTo("rw-------");
            // The undo data keeps the exact command line that identifies the process; the text for people is masked.
            assertThat(dev.shakedown.engine.ledger.LedgerReader.lines(ledger).get(0).get("undo").get("manual").asString())
                    .doesNotContain(PASSWORD).contains("***");
            assertThat(mode(state.resolve("runs"))).isEqualTo("rwx------");
            assertThat(mode(runs.findFirst().orElseThrow())).isEqualTo("rwx------");
        }
        assertThat(mode(evidence)).isEqualTo("rw-------");
    }
}
