package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --restricted}: what a shared script has no business doing, each use reported where it is written. */
class RestrictedModeTest {
    @TempDir Path dir;

    @Test
    void everyUseOfTheJvmFilesProcessesAndReflectionIsReportedAtItsPlace() throws IOException {
        // all of it sits in code the build does not run: without --restricted, only ending the engine is refused
        Path script = Files.writeString(dir.resolve("shared.chaos.groovy"), """
                import java.nio.file.Files
                def sut = demoSystem()
                condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
                condition 'diskOk', { new File('/var/lib/x').usableSpace > 0 }
                condition 'toolOk', { 'pg_isready'.execute().waitFor() == 0 }
                def peek() { Class.forName('java.lang.Runtime') }
                def shell() { evaluate('1 + 1') }
                def quit() { System.exit(1) }
                scenario 'crash' {
                    steadyState healthy
                    inject kill('guardian')
                    recover
                }
                """);

        Cli.Result usual = Cli.run("plan", script.toString());
        assertThat(usual.err()).contains(script + ":8:14: a script may not end the engine").contains("1 error").doesNotContain("restricted mode");

        Cli.Result restricted = Cli.run("plan", script.toString(), "--restricted");

        assertThat(restricted.exitCode()).isEqualTo(2);
        assertThat(restricted.err().lines().toList()).containsExactly(
                script + ":1:1: import java.nio.file.Files is not allowed in restricted mode (a restricted script imports only from java.time and java.math)",
                script + ":4:23: File is not allowed in restricted mode: it reaches files",
                script + ":5:36: execute() is not allowed in restricted mode: it reaches other programs",
                script + ":6:14: Class is not allowed in restricted mode: it reaches code loading or reflection",
                script + ":6:20: forName() is not allowed in restricted mode: it reaches reflection",
                script + ":7:15: evaluate() is not allowed in restricted mode: it reaches code the review did not see",
                script + ":8:14: a script may not end the engine: System.exit would stop Shakedown before it rolls back its faults"
                        + " and writes the evidence; to stop the build with a reason, use assert (assert ready : 'why')",
                "7 errors");
        HostileScriptsTest.assertNoStackTrace(restricted);
    }

    @Test
    void runTakesRestrictedToo() throws IOException {
        Path script = Files.writeString(dir.resolve("run.chaos.groovy"), """
                def tmp = File.createTempFile('x', 'y')
                scenario 'x' { recover }
                """);

        Cli.Result r = Cli.run("run", script.toString(), "--restricted", "--dry-run", "--state", dir.resolve("state").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(script + ":1:11: File is not allowed in restricted mode: it reaches files");
        assertThat(dir.resolve("state")).doesNotExist();
    }
}
