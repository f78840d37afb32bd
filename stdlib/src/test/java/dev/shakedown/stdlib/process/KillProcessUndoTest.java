package dev.shakedown.stdlib.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KillProcessUndoTest {
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) child.destroyForcibly();
    }

    private Map<String, Object> record(long pid, Long startTime) {
        Map<String, Object> data = new HashMap<>();
        data.put("pid", pid);
        if (startTime != null) data.put("startTime", startTime);
        data.put("command", "sleep 60");
        return data;
    }

    @Test
    void killsTheLaunchedProcessWhenItsStartTimeMatches() throws Exception {
        child = new ProcessBuilder("sleep", "60").start();
        long start = ProcessHandles.startMillis(child.toHandle()).orElseThrow();

        var outcome = new KillProcessUndo().undo(record(child.pid(), start));

        assertThat(outcome.undone()).isTrue();
        assertThat(child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // Idempotent: the PID is gone now, which counts as undone.
        assertThat(new KillProcessUndo().undo(record(child.pid(), start)).undone()).isTrue();
    }

    @Test
    void aReusedPidIsNeverHit() throws Exception {
        child = new ProcessBuilder("sleep", "60").start();
        long start = ProcessHandles.startMillis(child.toHandle()).orElseThrow();

        // The record names this PID, but a process that started a minute earlier: the PID was reused since.
        var outcome = new KillProcessUndo().undo(record(child.pid(), start - 60_000));

        assertThat(outcome.undone()).isTrue();
        assertThat(outcome.note()).contains("gone");
        Thread.sleep(200);
        assertThat(child.isAlive()).isTrue();
    }

    @Test
    void killsAStoppedProcessToo() throws Exception {
        child = new ProcessBuilder("sleep", "60").start();
        long start = ProcessHandles.startMillis(child.toHandle()).orElseThrow();
        new ProcessBuilder("kill", "-STOP", String.valueOf(child.pid())).start().waitFor();

        assertThat(new KillProcessUndo().undo(record(child.pid(), start)).undone()).isTrue();
        assertThat(child.toHandle().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void aRecordWithoutAStartTimeIsNotTrustedAndStaysOpen() throws Exception {
        child = new ProcessBuilder("sleep", "60").start();
        assertThatThrownBy(() -> new KillProcessUndo().undo(record(child.pid(), null)))
                .hasMessageContaining("start time");
        assertThat(child.isAlive()).isTrue();
        ProcessHandles.stopTree(child.toHandle(), Duration.ofSeconds(2));
    }
}
