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

/**
 * SIGTERM, and a second SIGINT while the first one's rollback runs: the CLI, as its own process, rolls every
 * fault back, writes its evidence and exits 3. The time from the signal to the exit is printed, not asserted.
 */
class SignalsTest {
    @TempDir Path dir;
    private Process cli;

    @AfterEach
    void cleanUp() {
        if (cli != null && cli.isAlive()) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
    }

    private Path startDuringHold() throws Exception {
        Path log = dir.resolve("cli.log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy").toString(), "--param", "hold=10min",
                "--out", dir.resolve("artifacts").toString(), "--state", dir.resolve("state").toString(), "--no-color")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(log).contains("expect failClosed within 1s"));
        return log;
    }

    private static void signal(String name, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }

    private void assertRolledBackAndExited3(Path log, List<ProcessHandle> demo, String reason) throws Exception {
        assertThat(cli.exitValue()).as(Files.readString(log)).isEqualTo(3);
        JsonNode e = Evidence.read(dir.resolve("artifacts"), "guardian");
        assertThat(e.get("run").get("interruption").get("reason").asString()).isEqualTo(reason);
        assertThat(e.get("run").get("exit_code").asInt()).isEqualTo(3);
        JsonNode scenario = e.get("scenarios").get(0);
        assertThat(scenario.get("verdict").asString()).isEqualTo("aborted");
        assertThat(scenario.get("faults")).isNotEmpty();
        for (JsonNode fault : scenario.get("faults")) assertThat(fault.get("rolled_back_at_ms").isNumber()).isTrue();
        assertThat(demo).noneMatch(ProcessHandle::isAlive);
        try (Stream<Path> ledgers = Files.list(dir.resolve("state").resolve("ledger"))) {
            assertThat(LedgerReader.openRecords(ledgers.findFirst().orElseThrow())).isEmpty();
        }
    }

    @Test
    void sigtermDuringHoldRollsBackAndExits3() throws Exception {
        Path log = startDuringHold();
        List<ProcessHandle> demo = cli.descendants().toList();
        assertThat(demo).isNotEmpty();

        long sent = System.nanoTime();
        signal("TERM", cli.pid());
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        System.out.printf("SIGTERM to exit: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));

        assertThat(Files.readString(log)).contains("SIGTERM: stopping, rolling back every fault");
        assertRolledBackAndExited3(log, demo, "SIGTERM");
    }

    @Test
    void aSecondSigintDuringRollbackDoesNotAbandonItAndSaysSo() throws Exception {
        Path log = startDuringHold();
        List<ProcessHandle> demo = cli.descendants().toList();
        assertThat(demo).isNotEmpty();

        long sent = System.nanoTime();
        signal("INT", cli.pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("SIGINT: stopping"));
        signal("INT", cli.pid());
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        System.out.printf("SIGINT, SIGINT to exit: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));

        assertThat(Files.readString(log)).contains("SIGINT: rollback is still running");
        assertRolledBackAndExited3(log, demo, "SIGINT");
    }
}
