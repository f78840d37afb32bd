package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One experiment at a time: a second run fails fast naming the first, or with --wait runs after it. */
class RunLockTest {
    @TempDir Path dir;
    private Process first;

    @AfterEach
    void cleanUp() {
        if (first != null && first.isAlive()) {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
    }

    private Path script() throws Exception {
        return Files.writeString(dir.resolve("holder.chaos.groovy"), String.join("\n",
                "component 'holder'",
                "def holdFor = param('hold', 1.s)",
                "process 'sleeper', command: ['sleep', '300']",
                "scenario 'holds' {",
                "    hold holdFor",
                "}",
                ""));
    }

    /** Starts the first run as its own process, holding for {@code hold}, and waits until it holds the lock. */
    private Path startFirst(Path script, Path state, String hold) throws Exception {
        Path log = dir.resolve("first.log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", script.toString(), "--param", "hold=" + hold, "--out", dir.resolve("out1").toString(),
                "--state", state.toString(), "--no-color")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(log).contains("holds"));
        return log;
    }

    @Test
    void aSecondRunFailsFastNamingTheFirstOnTheSameStateAndOnAnother() throws Exception {
        Path script = script();
        Path state = dir.resolve("state");
        Path log = startFirst(script, state, "10min");

        Cli.Result same = Cli.run("run", script.toString(), "--out", dir.resolve("out2").toString(),
                "--state", state.toString(), "--no-color");
        assertThat(same.exitCode()).as(same.all()).isEqualTo(RunLock.BUSY);
        assertThat(same.err()).contains("another experiment is running on state directory " + state)
                .contains("PID " + first.pid()).contains("script " + script.toAbsolutePath().normalize())
                .contains("--wait");
        assertThat(Files.exists(dir.resolve("out2"))).isFalse();

        Cli.Result other = Cli.run("run", script.toString(), "--out", dir.resolve("out3").toString(),
                "--state", dir.resolve("other-state").toString(), "--no-color");
        assertThat(other.exitCode()).as(other.all()).isEqualTo(RunLock.BUSY);
        assertThat(other.err()).contains("another experiment is running on this host").contains("PID " + first.pid())
                .contains("--wait");
        assertThat(first.isAlive()).as(Files.readString(log)).isTrue();
    }

    @Test
    void withWaitTheSecondRunStartsWhenTheFirstHasEnded() throws Exception {
        Path script = script();
        Path state = dir.resolve("state");
        Path log = startFirst(script, state, "4s");

        Cli.Result second = Cli.run("run", script.toString(), "--param", "hold=0s", "--out",
                dir.resolve("out2").toString(), "--state", state.toString(), "--no-color", "--wait");

        assertThat(second.exitCode()).as(second.all()).isEqualTo(0);
        assertThat(second.err()).contains("waiting: another experiment is running").contains("PID " + first.pid());
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(log)).isEqualTo(0);
        Path firstEvidence = dir.resolve("out1").resolve("holder_chaos_resilience_validation.json");
        Path secondEvidence = dir.resolve("out2").resolve("holder_chaos_resilience_validation.json");
        // The second run began after the first had written its evidence, i.e. after it had ended.
        assertThat(Files.getLastModifiedTime(secondEvidence).toMillis())
                .isGreaterThanOrEqualTo(Files.getLastModifiedTime(firstEvidence).toMillis());
        assertThat(Evidence.read(dir.resolve("out2"), "holder").get("run").get("exit_code").asInt()).isZero();
    }
}
