package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.ledger.LedgerReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** SIGINT during hold: the CLI, as its own process, rolls back, stops the demo, writes evidence and exits 3. */
class InterruptTest {
    @TempDir Path dir;
    private Process cli;

    @AfterEach
    void cleanUp() {
        if (cli != null && cli.isAlive()) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
    }

    @Test
    void sigintDuringHoldRollsBackAndExits3() throws Exception {
        Path out = dir.resolve("artifacts");
        Path state = dir.resolve("state");
        Path log = dir.resolve("cli.log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy").toString(), "--param", "hold=10min",
                "--out", out.toString(), "--state", state.toString(), "--no-color")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(log).contains("expect failClosed within 1s"));
        List<ProcessHandle> demo = cli.descendants().toList();
        assertThat(demo).isNotEmpty();
        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).inheritIO().start().waitFor();

        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(cli.exitValue()).as(Files.readString(log)).isEqualTo(3);
        JsonNode e = Evidence.read(out, "guardian");
        assertThat(e.get("run").get("interruption").get("reason").asString()).isEqualTo("SIGINT");
        assertThat(e.get("scenarios").get(0).get("verdict").asString()).isEqualTo("aborted");
        assertThat(e.get("scenarios").get(0).get("faults").get(0).get("rolled_back_at_ms").isNumber()).isTrue();
        assertThat(demo).noneMatch(ProcessHandle::isAlive);
        try (Stream<Path> ledgers = Files.list(state.resolve("ledger"))) {
            assertThat(LedgerReader.openRecords(ledgers.findFirst().orElseThrow())).isEmpty();
        }
    }
}
