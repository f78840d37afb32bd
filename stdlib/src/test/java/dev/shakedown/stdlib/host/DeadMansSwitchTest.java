package dev.shakedown.stdlib.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.stdlib.testing.ProcState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadMansSwitchTest {
    @TempDir
    Path runDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cpu", "memory"})
    void theHelperExitsWithinASecondOfAKill9OfTheEngine(String fault) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process engine = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                HelperFaultChild.class.getName(), runDir.toString(), fault))
                .redirectError(runDir.resolve("engine.err").toFile()).start();
        long helper = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the stand-in engine's report (see engine.err)").startsWith("helper ");
            helper = Long.parseLong(line.substring("helper ".length()));
            assertThat(ProcState.gone(helper)).isFalse();

            engine.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
            assertThat(engine.waitFor(5, TimeUnit.SECONDS)).isTrue();

            long pid = helper;
            // An orphan that has exited is a zombie until PID 1 reaps it, which some inits do only every
            // second or so; a zombie holds no CPU and no memory, so it counts as gone.
            await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "ZX".indexOf(ProcState.of(pid)) >= 0);
        } finally {
            engine.destroyForcibly();
            if (helper > 0) ProcessHandle.of(helper).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aParentWithAnotherStartTimeCountsAsGone() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().orElseThrow().toEpochMilli();
        assertThat(DeadMansSwitch.parentAlive(self.pid(), start)).isTrue();
        assertThat(DeadMansSwitch.parentAlive(self.pid(), start - 5000)).as("a reused PID").isFalse();
    }
}
