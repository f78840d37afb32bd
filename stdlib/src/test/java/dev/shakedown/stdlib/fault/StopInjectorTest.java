package dev.shakedown.stdlib.fault;

import static dev.shakedown.stdlib.fault.FaultSpecs.fault;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.LaunchedProcess;
import dev.shakedown.stdlib.testing.ProcState;
import dev.shakedown.stdlib.testing.Spawned;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopInjectorTest {
    @TempDir
    Path runDir;
    TestRun run;

    Spawned spawned = new Spawned();

    @AfterEach
    void cleanUp() throws InterruptedException {
        run.close();
        spawned.close();
    }

    @Test
    void freezesTheProcessAndRecoveryThawsIt() throws Exception {
        run = new TestRun(runDir);
        LaunchedProcess worker = run.start(process("worker", Map.of("command", List.of("sleep", "300"))));
        long pid = worker.pid();

        Fault fault = new StopInjector().prepare(fault("stop", "worker"), run);
        UndoRecord undo = fault.undoRecord();
        fault.apply();

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.of(pid) == 'T');
        assertThat(undo.action()).isEqualTo("sigcont");
        assertThat(undo.data())
                .containsEntry("pid", pid)
                .containsEntry("startTime", worker.handle().info().startInstant().orElseThrow().toEpochMilli());
        assertThat(undo.manual()).isEqualTo("kill -CONT " + pid);

        fault.rollback();

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.of(pid) == 'S');
        assertThat(worker.pid()).isEqualTo(pid);
    }

    @Test
    void freezesEveryProcessOfAnAttachWithAllAndThawsThemAll() throws Exception {
        run = new TestRun(runDir);
        String marker = "3000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long one = spawned.start("sleep", marker).pid();
        long two = spawned.start("sleep", marker).pid();
        run.start(process("workers", Map.of("match", marker, "all", true)));

        Fault fault = new StopInjector().prepare(fault("stop", "workers"), run);
        fault.apply();

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.of(one) == 'T' && ProcState.of(two) == 'T');
        assertThat(fault.details()).containsEntry("pids", List.of(Math.min(one, two), Math.max(one, two)));
        assertThat(fault.undoRecord().data()).containsOnlyKeys("processes");
        assertThat(fault.undoRecord().manual()).isEqualTo("kill -CONT " + Math.min(one, two) + " " + Math.max(one, two));

        fault.rollback();

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.of(one) == 'S' && ProcState.of(two) == 'S');
    }
}
