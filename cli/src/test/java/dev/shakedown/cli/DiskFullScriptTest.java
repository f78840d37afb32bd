package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.ledger.LedgerReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * scripts/disk-full.chaos.groovy against the real demo: the gateway's audit directory on the run's own
 * tmpfs, filled to the last block, makes the gateway fail closed with 'audit-failed'; the fill and the
 * mount are gone after the run.
 */
class DiskFullScriptTest {
    @TempDir Path dir;
    private Process cli;

    /** A killed engine leaves its tmpfs mounted (replay is the ledger's job): unmount it here, whatever happened. */
    @AfterEach
    void cleanUp() throws Exception {
        Cli.killAndUnmount(cli, dir);
    }

    @Test
    void aFullAuditFilesystemMakesTheGatewayFailClosedWithAuditFailed() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the run mounts its tmpfs only as root");
        Path out = dir.resolve("artifacts");
        Path state = dir.resolve("state");

        Cli.Result r = Cli.run("run", Cli.SCRIPTS.resolve("disk-full.chaos.groovy").toString(), "--param", "hold=2s",
                "--out", out.toString(), "--state", state.toString(), "--no-color");

        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode s = Evidence.read(out, "disk-full").get("scenarios").get(0);
        assertThat(s.get("verdict").asString()).isEqualTo("passed");
        JsonNode fault = s.get("faults").get(0);
        assertThat(fault.get("type").asString()).isEqualTo("disk");
        assertThat(fault.get("details").get("free_after").asLong()).isZero();
        assertThat(s.get("fail_closed_reasons").has("audit-failed")).isTrue();
        assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();

        Path fill = Path.of(fault.get("details").get("file").asString());
        assertThat(fill).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(state.toString());
    }

    /** kill -9 of the engine while the audit filesystem is full: the ledger still lists the fill and the mount. */
    @Test
    void aKilledEngineLeavesTheFillFileAndTheMountInTheLedger() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the run mounts its tmpfs only as root");
        Path state = dir.resolve("state");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", Cli.SCRIPTS.resolve("disk-full.chaos.groovy").toString(), "--param", "hold=10min",
                "--out", dir.resolve("artifacts").toString(), "--state", state.toString(), "--no-color")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();

        // ignoreExceptions: a line of the ledger may be read while it is being appended
        Path fill = await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> fillIn(state), Optional::isPresent).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(fill));
        List<ProcessHandle> demo = cli.descendants().toList();
        cli.destroyForcibly().waitFor(); // SIGKILL: no rollback, no shutdown hook

        await().atMost(Duration.ofSeconds(5)).until(() -> demo.stream().noneMatch(ProcessHandle::isAlive));
        List<JsonNode> open = openRecords(state);
        assertThat(open).anySatisfy(r -> {
            assertThat(r.get("undo").get("action").asString()).isEqualTo("delete-file");
            assertThat(r.get("undo").get("data").get("path").asString()).isEqualTo(fill.toString());
            assertThat(r.get("undo").get("data").get("size").asLong()).isPositive();
            assertThat(r.get("undo").get("manual").asString()).isEqualTo("rm " + fill);
        });
        assertThat(open).anySatisfy(r -> {
            assertThat(r.get("undo").get("action").asString()).isEqualTo("unmount");
            assertThat(r.get("undo").get("data").get("path").asString()).isEqualTo(fill.getParent().toString());
        });
        assertThat(fill).exists(); // what replay will delete
    }

    /** The fill file named by an open delete-file record of the run's ledger, once there is one. */
    private static Optional<Path> fillIn(Path state) throws IOException {
        if (!Files.isDirectory(state.resolve("ledger"))) return Optional.empty();
        return openRecords(state).stream().filter(r -> r.get("undo").get("action").asString().equals("delete-file"))
                .map(r -> Path.of(r.get("undo").get("data").get("path").asString())).findFirst();
    }

    private static List<JsonNode> openRecords(Path state) throws IOException {
        try (Stream<Path> ledgers = Files.list(state.resolve("ledger"))) {
            return ledgers.findFirst().map(LedgerReader::openRecords).orElse(List.of());
        }
    }
}
