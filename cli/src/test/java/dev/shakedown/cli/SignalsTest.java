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
 * fault back, writes its evidence and exits 3. How fast is measured by SignalBench, not here.
 */
class SignalsTest {
    @TempDir Path dir;
    private Process cli;

    @AfterEach
    void cleanUp() throws Exception {
        Cli.killAndUnmount(cli, dir);
    }

    private Path start(Path script, String... params) throws Exception {
        Path log = dir.resolve("cli.log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", script.toString(), "--out", dir.resolve("artifacts").toString(),
                "--state", dir.resolve("state").toString(), "--no-color"));
        for (String param : params) command.addAll(List.of("--param", param));
        cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return log;
    }

    private static void signal(String name, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }

    private JsonNode assertRolledBackAndExited3(Path log, String component, String reason) throws Exception {
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(cli.exitValue()).as(Files.readString(log)).isEqualTo(3);
        JsonNode e = Evidence.read(dir.resolve("artifacts"), component);
        assertThat(e.get("run").get("interruption").get("reason").asString()).isEqualTo(reason);
        assertThat(e.get("run").get("exit_code").asInt()).isEqualTo(3);
        JsonNode scenario = e.get("scenarios").get(0);
        assertThat(scenario.get("verdict").asString()).isEqualTo("aborted");
        assertThat(scenario.get("faults")).isNotEmpty();
        for (JsonNode fault : scenario.get("faults")) assertThat(fault.get("rolled_back_at_ms").isNumber()).isTrue();
        try (Stream<Path> ledgers = Files.list(dir.resolve("state").resolve("ledger"))) {
            assertThat(LedgerReader.openRecords(ledgers.findFirst().orElseThrow())).isEmpty();
        }
        return scenario;
    }

    @Test
    void sigtermDuringHoldRollsBackStopsTheDemoAndExits3() throws Exception {
        Path log = start(Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy"), "hold=10min");
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(log).contains("expect failClosed within 1s"));
        List<ProcessHandle> demo = cli.descendants().toList();
        assertThat(demo).isNotEmpty();

        signal("TERM", cli.pid());

        JsonNode scenario = assertRolledBackAndExited3(log, "guardian", "SIGTERM");
        assertThat(Files.readString(log)).contains("SIGTERM: stopping, rolling back every fault");
        assertThat(demo).noneMatch(ProcessHandle::isAlive);
        // The killed guardian is not started again only to be stopped with the rest of the demo.
        assertThat(scenario.get("faults").get(0).get("details").get("restart").asString())
                .isEqualTo("none: the run was interrupted and stops the processes it launched");
    }

    @Test
    void aSecondSigintDuringRollbackDoesNotAbandonItAndSaysSo() throws Exception {
        Path held = Files.createDirectory(dir.resolve("held"));
        Path script = Files.writeString(dir.resolve("held.chaos.groovy"), """
                component 'held'
                scenario 'heldRollback' {
                    inject heldRollback('%s')
                    hold 10.min
                }
                """.formatted(held));
        Path log = start(script);
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(log).contains("inject heldRollback"));

        signal("INT", cli.pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held.resolve("rolling-back")));
        signal("INT", cli.pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains(
                "SIGINT: rollback is still running; it will finish, write the evidence and exit on its own"));
        assertThat(cli.isAlive()).isTrue();
        Files.createFile(held.resolve("release"));

        assertRolledBackAndExited3(log, "held", "SIGINT");
        assertThat(Files.readString(log)).contains("SIGINT: stopping, rolling back every fault");
    }
}
