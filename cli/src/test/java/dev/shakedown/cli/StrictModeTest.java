package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code plan --strict}: every mistake of a file in one pass, each at its column; no false alarms on the examples. */
class StrictModeTest {
    static final Path BENCH_SCRIPTS = Path.of("..", "bench", "scripts").toAbsolutePath().normalize();

    @TempDir Path dir;

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> scripts = Files.list(Cli.SCRIPTS); Stream<Path> bench = Files.list(BENCH_SCRIPTS)) {
            return Stream.concat(scripts, bench).filter(f -> f.toString().endsWith(".chaos.groovy")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleScriptPassesStrictAndRestrictedWithoutAnError(Path script) {
        Cli.Result r = Cli.run("plan", script.toString(), "--strict", "--restricted", "--no-color");
        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    @Test
    void aFileWithSeveralMistakesReportsEveryOneInOnePassAtItsColumn() throws IOException {
        Path script = Files.writeString(dir.resolve("mistakes.chaos.groovy"), """
                def sut = demoSystem()
                def holdFor = param('hold', 30.s)
                condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
                condition 'ready', { http.get("${sut.gatway}/ready").statuss == 200 }
                scenario 'crash' {
                    steadyState healthy
                    inject kill(42)
                    inject latency(sut.links.db, 'abc')
                    hold holdfor
                    hold 30.s.foo()
                    recover
                }
                """);

        Cli.Result strict = Cli.run("plan", script.toString(), "--strict");

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err().lines().toList()).containsExactly(
                script + ":4:38: DemoSystem has no property 'gatway', did you mean 'gateway'?",
                script + ":4:54: HttpCall has no property 'statuss', did you mean 'status'?",
                script + ":7:17: kill needs the name of a process such as 'guardian', not 42 (Integer)",
                script + ":8:34: latency needs a delay such as 200.ms as argument 2, not 'abc' (not a duration)",
                script + ":9:10: unknown variable 'holdfor', did you mean 'holdFor'?",
                script + ":10:15: Duration has no method foo()",
                "6 errors");
        HostileScriptsTest.assertNoStackTrace(strict);
        assertThat(strict.err()).doesNotContain("Static type checking").doesNotContain("java.");

        // without --strict the build stops at its first failure, and closures it does not run are not checked
        Cli.Result usual = Cli.run("plan", script.toString());
        assertThat(usual.exitCode()).isEqualTo(2);
        assertThat(usual.err()).contains(script + ":9:10: unknown name 'holdfor'").contains("1 error");
    }

    @Test
    void anUnknownWordAndATypeMistakeOnOneLineAreBothReported() throws IOException {
        Path script = Files.writeString(dir.resolve("one-line.chaos.groovy"), """
                def sut = demoSystem()
                scenario 'crash' {
                    inject kil(sut.gatway)
                    recover
                }
                """);

        Cli.Result r = Cli.run("plan", script.toString(), "--strict");

        assertThat(r.err().lines().toList()).containsExactly(
                script + ":3:12: unknown fault 'kil', did you mean 'kill'?",
                script + ":3:20: DemoSystem has no property 'gatway', did you mean 'gateway'?",
                "2 errors");
    }

    @Test
    void aValidScriptGivesTheSamePlanWithAndWithoutStrict() throws IOException {
        Path script = Files.writeString(dir.resolve("valid.chaos.groovy"), """
                component 'same'
                def hold = param('hold', 3.s)
                process 'app', command: ['sleep', '600'], port: 18080
                condition 'up', every: 20.ms, { alive('app') && processes.app.pid > 0 }
                scenario 'crash' {
                    steadyState up
                    inject kill('app')
                    hold hold
                    recover
                    expect up within 5.s
                }
                """);

        Cli.Result usual = Cli.run("plan", script.toString(), "--json", "--param", "hold=2s");
        Cli.Result strict = Cli.run("plan", script.toString(), "--json", "--param", "hold=2s", "--strict");

        assertThat(usual.exitCode()).as(usual.all()).isZero();
        assertThat(strict.exitCode()).as(strict.all()).isZero();
        assertThat(strict.out()).isEqualTo(usual.out());
    }

    @Test
    void aNameTheBuildDeclaresAsAConditionIsNotAMisspeltVariable() throws IOException {
        Path script = Files.writeString(dir.resolve("computed.chaos.groovy"), """
                def healthz = 'health' + 'y'
                condition healthz, { true }
                scenario 'x' {
                    steadyState healthy
                    recover
                }
                """);

        Cli.Result r = Cli.run("plan", script.toString(), "--strict");

        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    @Test
    void runTakesStrictToo() throws IOException {
        Path script = Files.writeString(dir.resolve("run.chaos.groovy"), """
                def sut = demoSystem()
                condition 'healthy', { http.get("${sut.gateway}/health").stauts == 200 }
                scenario 'x' { steadyState healthy; recover }
                """);

        Cli.Result r = Cli.run("run", script.toString(), "--dry-run", "--strict", "--state", dir.resolve("state").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(script + ":2:58: HttpCall has no property 'stauts', did you mean 'status'?");
        assertThat(dir.resolve("state")).doesNotExist();
    }
}
