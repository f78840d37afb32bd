package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanAndDryRunTest {
    @TempDir Path dir;

    private static final String SCRIPT = Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy").toString();

    @Test
    void planPrintsTheStepsAndWhatEachFaultWouldDo() {
        Cli.Result r = Cli.run("plan", SCRIPT, "--no-color");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("scenario guardianCrash", "inject kill('guardian')", "would send SIGKILL",
                "expect failClosed within 1s", "recover", "expect healthy within 30s");
    }

    @Test
    void planAsJsonIsMachineReadable() {
        Cli.Result r = Cli.run("plan", SCRIPT, "--json");

        assertThat(r.exitCode()).isZero();
        var json = dev.shakedown.engine.evidence.EvidenceWriter.JSON.readTree(r.out());
        assertThat(json.get("component").asString()).isEqualTo("guardian");
        assertThat(json.get("scenarios").get(0).get("steps").size()).isEqualTo(6);
    }

    @Test
    void aDryRunStartsAndInjectsNothing() {
        Path state = dir.resolve("state");
        Cli.Result r = Cli.run("run", SCRIPT, "--dry-run", "--no-color", "--state", state.toString(), "--out", dir.resolve("out").toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("would send SIGKILL", "dry run: nothing was started and nothing was injected");
        assertThat(state).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownScenarioIsAUsageError() {
        Cli.Result r = Cli.run("run", SCRIPT, "--scenario", "guardianCrsh", "--dry-run");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no scenario 'guardianCrsh', did you mean 'guardianCrash'?");
    }
}
