package dev.shakedown.stdlib.fault;

import static dev.shakedown.stdlib.fault.FaultSpecs.fault;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.FreePorts;
import dev.shakedown.stdlib.process.AttachedProcess;
import dev.shakedown.stdlib.process.LaunchedProcess;
import dev.shakedown.stdlib.testing.PidServer;
import dev.shakedown.stdlib.testing.ProcState;
import dev.shakedown.stdlib.testing.Spawned;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillInjectorTest {
    @TempDir
    Path runDir;
    TestRun run;
    Spawned spawned = new Spawned();
    KillInjector kill = new KillInjector();

    @BeforeEach
    void newRun() {
        run = new TestRun(runDir);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        run.close();
        spawned.close();
    }

    /** A launched guardian serving its PID on {@code port}, killed by the fault; its PID before the kill. */
    private record Killed(LaunchedProcess guardian, long pid, Fault fault) {}

    private Killed launchAndKillGuardian(int port) throws Exception {
        LaunchedProcess guardian = run.start(process("guardian", Map.of("command", PidServer.command(port), "port", port)));
        long pid = guardian.pid();
        Fault fault = kill.prepare(fault("kill", "guardian"), run);
        assertThat(fault.undoRecord().action()).isEqualTo("none");
        fault.apply();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.gone(pid));
        return new Killed(guardian, pid, fault);
    }

    @Test
    void killsTheProcessAndRecoveryRestartsItOnTheSamePort() throws Exception {
        int port = FreePorts.pick();
        Killed k = launchAndKillGuardian(port);
        LaunchedProcess guardian = k.guardian();
        long killed = k.pid();
        Fault fault = k.fault();

        assertThat(fault.details())
                .containsEntry("pid", killed)
                .containsEntry("signal", "SIGKILL");

        fault.rollback();

        assertThat(guardian.pid()).isNotEqualTo(killed);
        assertThat(PidServer.servingPid(port)).isEqualTo(guardian.pid());
        assertThat(fault.details()).containsEntry("restartedPid", guardian.pid());
        assertThat(run.events("process-restarted")).hasSize(1);
    }

    @Test
    void anInterruptedRunDoesNotRestartTheProcessItIsAboutToStop() throws Exception {
        Killed k = launchAndKillGuardian(FreePorts.pick());

        run.interrupt();
        k.fault().rollback();

        assertThat(k.guardian().isAlive()).isFalse();
        assertThat(k.guardian().pid()).isEqualTo(k.pid());
        assertThat(run.events("process-restarted")).isEmpty();
        assertThat(k.fault().details()).containsEntry("restart", "none: the run was interrupted and stops the processes it launched");
    }

    @Test
    void recoveryLeavesAnAttachedProcessDead() throws Exception {
        Process billing = spawned.start("sleep", "300");
        Path pidFile = Files.writeString(runDir.resolve("billing.pid"), String.valueOf(billing.pid()));
        AttachedProcess attached = run.start(process("billing", Map.of("pidFile", pidFile.toString())));

        Fault fault = kill.prepare(fault("kill", "billing"), run);
        fault.apply();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.gone(billing.pid()));
        fault.rollback();

        assertThat(attached.isAlive()).isFalse();
        assertThat(fault.details()).doesNotContainKey("restartedPid");
    }
}
