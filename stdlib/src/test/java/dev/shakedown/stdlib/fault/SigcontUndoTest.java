package dev.shakedown.stdlib.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.testing.ProcState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SigcontUndoTest {
    private Process one;
    private Process two;

    @AfterEach
    void cleanUp() {
        if (one != null) one.destroyForcibly();
        if (two != null) two.destroyForcibly();
    }

    private static void stop(Process p) throws Exception {
        new ProcessBuilder("kill", "-STOP", String.valueOf(p.pid())).start().waitFor();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.of(p.pid()) == 'T');
    }

    private static Map<String, Object> identity(Process p, long shift) {
        return Map.of("pid", p.pid(), "startTime", ProcessHandles.startMillis(p.toHandle()).orElseThrow() + shift);
    }

    @Test
    void resumesStoppedProcessesAndIsIdempotent() throws Exception {
        one = new ProcessBuilder("sleep", "60").start();
        two = new ProcessBuilder("sleep", "60").start();
        stop(one);
        stop(two);
        Map<String, Object> data = Map.of("processes", List.of(identity(one, 0), identity(two, 0)));

        assertThat(new SigcontUndo().undo(data).undone()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcState.of(one.pid()) != 'T' && ProcState.of(two.pid()) != 'T');
        assertThat(new SigcontUndo().undo(data).undone()).isTrue();
    }

    @Test
    void leavesAProcessWithAnotherStartTimeAlone() throws Exception {
        one = new ProcessBuilder("sleep", "60").start();
        stop(one);
        var outcome = new SigcontUndo().undo(identity(one, -60_000));
        assertThat(outcome.undone()).isTrue();
        assertThat(outcome.note()).contains("no process left");
        Thread.sleep(200);
        assertThat(ProcState.of(one.pid())).isEqualTo('T');
    }

    @Test
    void aProcessThatExitedNeedsNothing() throws Exception {
        one = new ProcessBuilder("true").start();
        Map<String, Object> data = Map.of("pid", one.pid(), "startTime", 1L);
        one.waitFor();
        assertThat(new SigcontUndo().undo(data).undone()).isTrue();
    }
}
