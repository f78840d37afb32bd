package dev.shakedown.stdlib.process;

import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.stdlib.testing.Spawned;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachedProcessTest {
    @TempDir
    Path runDir;
    TestRun run;
    Spawned spawned = new Spawned();
    /** A sleep duration no other process on the host has on its command line. */
    String marker = "3000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);

    @BeforeEach
    void newRun() {
        run = new TestRun(runDir);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        run.close();
        spawned.close();
    }

    @Test
    void attachesToTheOneProcessWhoseCommandLineMatches() throws Exception {
        Process billing = spawned.start("sleep", marker);

        AttachedProcess attached = run.start(process("billing", Map.of("match", "sleep " + marker.replace(".", "\\."))));

        assertThat(attached.pid()).isEqualTo(billing.pid());
        assertThat(attached.isLaunched()).isFalse();
        assertThat(attached.undoRecord().action()).isEqualTo("none");
        assertThat(attached.details()).containsEntry("mode", "attached").containsEntry("pid", billing.pid());
    }

    @Test
    void severalMatchesAreAnErrorThatListsThem() throws Exception {
        Process one = spawned.start("sleep", marker);
        Process two = spawned.start("sleep", marker);

        assertThatThrownBy(() -> run.start(process("billing", Map.of("match", marker))))
                .hasMessageContaining("2 processes match")
                .hasMessageContaining("all: true")
                .hasMessageContaining("PID " + one.pid() + ": ")
                .hasMessageContaining("PID " + two.pid() + ": ")
                .hasMessageContaining(marker);
    }

    @Test
    void allTrueAttachesToEveryMatch() throws Exception {
        Process one = spawned.start("sleep", marker);
        Process two = spawned.start("sleep", marker);

        AttachedProcess workers = run.start(process("workers", Map.of("match", marker, "all", true)));

        assertThat(workers.handles()).extracting(ProcessHandle::pid).containsExactlyInAnyOrder(one.pid(), two.pid());
    }

    @Test
    void noMatchIsAClearError() {
        assertThatThrownBy(() -> run.start(process("billing", Map.of("match", "no-such-" + marker))))
                .hasMessage("no running process matches /no-such-" + marker + "/ (for process 'billing')");
    }

    @Test
    void attachesByPidFileAndNeverStopsOrRestartsIt() throws Exception {
        Process billing = spawned.start("sleep", marker);
        Path pidFile = Files.writeString(runDir.resolve("billing.pid"), billing.pid() + "\n");

        AttachedProcess attached = run.start(process("billing", Map.of("pidFile", pidFile.toString())));
        attached.close();

        assertThat(attached.pid()).isEqualTo(billing.pid());
        assertThat(billing.isAlive()).isTrue();
        assertThatThrownBy(attached::restart).hasMessageContaining("cannot be restarted");
    }

    @Test
    void aMissingPidFileIsAClearError() {
        Path pidFile = runDir.resolve("missing.pid");

        assertThatThrownBy(() -> run.start(process("billing", Map.of("pidFile", pidFile.toString()))))
                .hasMessage("the pidFile " + pidFile + " of process 'billing' does not exist");
    }

    @Test
    void severalRealSleepsWithTheSameMarkerAreAnErrorListingBothAndAllTrueTakesBoth() throws Exception {
        Process one = spawned.start("sleep", marker);
        Process two = spawned.start("sleep", marker);

        assertThatThrownBy(() -> run.start(process("sleepers", Map.of("match", "sleep " + marker.replace(".", "\\.")))))
                .hasMessageFindingMatch("PID " + one.pid() + ": \\S*sleep " + java.util.regex.Pattern.quote(marker))
                .hasMessageFindingMatch("PID " + two.pid() + ": \\S*sleep " + java.util.regex.Pattern.quote(marker));
        AttachedProcess both = run.start(process("sleepers", Map.of("match", "sleep " + marker.replace(".", "\\."), "all", true)));
        assertThat(both.handles()).extracting(ProcessHandle::pid).containsExactly(
                Math.min(one.pid(), two.pid()), Math.max(one.pid(), two.pid()));
    }

    @Test
    void pidOneTheEngineAndItsParentAreRefused() throws Exception {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        for (var refused : Map.of(1L, "init", self, "the engine itself", parent, "the engine's parent").entrySet()) {
            Path pidFile = Files.writeString(runDir.resolve(refused.getKey() + ".pid"), refused.getKey() + "\n");
            assertThatThrownBy(() -> run.start(process("victim", Map.of("pidFile", pidFile.toString()))))
                    .hasMessageContaining("refusing to attach process 'victim'")
                    .hasMessageContaining("names PID " + refused.getKey() + " (" + refused.getValue() + ")");
        }
        String ownCommandLine = ProcessHandle.current().info().commandLine().orElseThrow();
        String pattern = "^" + java.util.regex.Pattern.quote(ownCommandLine) + "$";
        assertThatThrownBy(() -> run.start(process("victim", Map.of("match", pattern))))
                .hasMessageContaining("matches only PID " + self + " (the engine itself)");
    }

    @Test
    void signalsToPidOneTheEngineOrItsParentAreRefused() {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThatThrownBy(() -> run.checkSignalAllowed(1)).hasMessageContaining("refusing to signal PID 1");
        assertThatThrownBy(() -> run.checkSignalAllowed(self)).hasMessageContaining("the engine itself");
        assertThatThrownBy(() -> run.checkSignalAllowed(parent)).hasMessageContaining("the engine's parent");
    }
}
