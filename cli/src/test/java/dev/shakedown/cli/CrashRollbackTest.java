package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shakedown.engine.ledger.LedgerReplay;
import dev.shakedown.stdlib.clock.LibFaketime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the engine while a stop, a disk fill on the demo's audit tmpfs, a clock skew and a CPU helper
 * are all in effect; then {@code shakedown rollback} undoes every one of them from the ledger alone.
 */
class CrashRollbackTest {
    @TempDir Path dir;
    private Process cli;

    @AfterEach
    void cleanUp() throws Exception {
        Cli.killAndUnmount(cli, dir);
    }

    @Test
    void rollbackUndoesWhatAKilledEngineLeftInEffect() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the run mounts its tmpfs only as root");
        assumeTrue(LibFaketime.onThisMachine().library().isPresent(), "libfaketime is not installed");
        Path script = Files.writeString(dir.resolve("crash.chaos.groovy"), """
                component 'crash'
                def sut = demoSystem(auditFs: 32.mb)

                scenario 'everythingAtOnce' {
                    inject clockSkew('guardian', 30.s)
                    inject disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true)
                    inject cpu(cores: 1, load: 50.percent)
                    inject stop('gateway')
                    hold 10.min
                    recover
                }
                """);
        Path state = dir.resolve("state");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", script.toString(), "--out", dir.resolve("artifacts").toString(), "--state", state.toString(),
                "--no-color")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();

        Set<String> wanted = Set.of("sigcont", "delete-file", "write-file", "kill-helper", "unmount");
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                .until(() -> !cli.isAlive() || actions(state).containsAll(wanted));
        assertThat(cli.isAlive()).as(() -> log()).isTrue();
        List<LedgerReplay.OpenRecord> open = LedgerReplay.list(state);
        Path fill = Path.of(data(open, "delete-file").get("path").toString());
        Path offset = Path.of(data(open, "write-file").get("path").toString());
        Path tmpfs = Path.of(data(open, "unmount").get("path").toString());
        String token = data(open, "kill-helper").get("token").toString();
        long stopped = ((Number) data(open, "sigcont").get("pid")).longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(fill) && helpers(token) > 0);
        assertThat(Files.readString(offset).trim()).isEqualTo("+30");

        cli.destroyForcibly().waitFor(); // SIGKILL: no rollback, no shutdown hook
        assertThat(LedgerReplay.list(state)).extracting(LedgerReplay.OpenRecord::action).containsAll(wanted);
        assertThat(fill).exists();

        Cli.Result r = Cli.run("rollback", "--state", state.toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.all()).contains("rolled back").doesNotContain("STILL OPEN");
        assertThat(fill).doesNotExist();
        assertThat(Files.readString(offset).trim()).isEqualTo("+0");
        await().atMost(Duration.ofSeconds(5)).until(() -> helpers(token) == 0);
        assertThat(ProcessHandle.of(stopped).filter(ProcessHandle::isAlive).map(p -> state(p.pid())).orElse('-')).isNotEqualTo('T');
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(tmpfs.toString());
        assertThat(LedgerReplay.list(state)).isEmpty();

        Cli.Result list = Cli.run("rollback", "--state", state.toString(), "--list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.all()).contains("no open ledger records");
        // A second rollback finds nothing left to do.
        Cli.Result again = Cli.run("rollback", "--state", state.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.all()).contains("nothing to roll back");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("cli.log"));
        } catch (Exception e) {
            return "no log: " + e;
        }
    }

    private static Set<String> actions(Path state) {
        return LedgerReplay.list(state).stream().map(LedgerReplay.OpenRecord::action).collect(Collectors.toSet());
    }

    private static Map<String, Object> data(List<LedgerReplay.OpenRecord> open, String action) {
        return open.stream().filter(r -> r.action().equals(action)).findFirst().orElseThrow().data();
    }

    private static long helpers(String token) {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).contains(token);
            } catch (Exception gone) {
                return false;
            }
        }).count();
    }

    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (Exception gone) {
            return '-';
        }
    }
}
