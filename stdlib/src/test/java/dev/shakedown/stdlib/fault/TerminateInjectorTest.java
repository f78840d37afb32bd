package dev.shakedown.stdlib.fault;

import static dev.shakedown.stdlib.fault.FaultSpecs.fault;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.process.LaunchedProcess;
import dev.shakedown.stdlib.testing.ProcState;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminateInjectorTest {
    @TempDir
    Path runDir;
    TestRun run;

    @AfterEach
    void cleanUp() {
        run.close();
    }

    @Test
    void terminatesTheProcessAndRecoveryRestartsItOnceItHasExited() throws Exception {
        run = new TestRun(runDir);
        LaunchedProcess worker = run.start(process("worker", Map.of("command", List.of("sleep", "300"))));
        long terminated = worker.pid();

        Fault fault = new TerminateInjector().prepare(fault("terminate", "worker"), run);
        fault.apply();

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.gone(terminated));
        assertThat(fault.details()).containsEntry("signal", "SIGTERM");

        fault.rollback();

        assertThat(worker.pid()).isNotEqualTo(terminated);
        assertThat(worker.isAlive()).isTrue();
    }
}
