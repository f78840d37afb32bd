package dev.shakedown.stdlib.process;

import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.FreePorts;
import dev.shakedown.stdlib.testing.PidServer;
import dev.shakedown.stdlib.testing.ProcState;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchedProcessTest {
    @TempDir
    Path runDir;
    TestRun run;

    @BeforeEach
    void newRun() {
        run = new TestRun(runDir);
    }

    @AfterEach
    void stopEverything() {
        run.close();
    }

    @Test
    void isReadyWhenItsPortAcceptsConnections() throws Exception {
        int port = FreePorts.pick();
        LaunchedProcess guardian = run.start(process("guardian", Map.of("command", PidServer.command(port), "port", port)));

        assertThat(PidServer.servingPid(port)).isEqualTo(guardian.pid());
        assertThat(guardian.details())
                .containsEntry("name", "guardian")
                .containsEntry("pid", guardian.pid())
                .containsEntry("port", port)
                .containsEntry("mode", "launched")
                .containsEntry("restarts", 0)
                .containsEntry("log", runDir.resolve("logs/guardian.log").toString());
        assertThat(run.events("process-started")).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("pid", guardian.pid()).containsKey("readyAfterMillis"));
    }

    @Test
    void logsOutputAndReplacesRunDirInStringCommandsAndEnvironment() throws Exception {
        LaunchedProcess echo = run.start(process("echo", Map.of(
                "command", "sh -c 'echo \"marker is $MARK\"; echo to-stderr >&2; exec sleep 300'",
                "env", Map.of("MARK", "${runDir}/x"))));

        Path log = runDir.resolve("logs/echo.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("to-stderr"));
        assertThat(Files.readString(log)).contains("marker is " + runDir + "/x");
        assertThat(echo.isAlive()).isTrue();
    }

    @Test
    void isReadyWhenItsReadyConditionHoldsAndRunsInTheDirectoryItWasGiven() throws Exception {
        Path work = runDir.resolve("work");
        Callable<Boolean> fileExists = () -> Files.exists(work.resolve("ready"));
        LaunchedProcess worker = run.start(process("worker", Map.of(
                "command", List.of("sh", "-c", "touch ready; exec sleep 300"),
                "dir", "${runDir}/work",
                "mkdirs", List.of("${runDir}/work"),
                "ready", fileExists)));

        assertThat(work.resolve("ready")).exists();
        assertThat(worker.isAlive()).isTrue();
    }

    @Test
    void startupTimeoutNamesTheProcessItsPortAndTheEndOfItsLog() {
        int port = FreePorts.pick();
        var spec = process("slow", Map.of(
                "command", List.of("sh", "-c", "echo booting slowly; exec sleep 300"),
                "port", port,
                "startupTimeout", Duration.ofMillis(300)));

        assertThatThrownBy(() -> run.start(spec))
                .hasMessageContaining("process 'slow'")
                .hasMessageContaining("not ready within 300ms")
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("booting slowly");
        long pid = run.resource("slow", LaunchedProcess.class).orElseThrow().pid();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcState.gone(pid));
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsAtOnceWithItsLog() {
        var spec = process("broken", Map.of(
                "command", List.of("sh", "-c", "echo bad config >&2; exit 3"),
                "port", FreePorts.pick()));

        assertThatThrownBy(() -> run.start(spec))
                .hasMessageContaining("process 'broken'")
                .hasMessageContaining("exited with code 3 before it was ready")
                .hasMessageContaining("bad config");
    }

    @Test
    void closeStopsTheProcessAndItsDescendants() throws Exception {
        LaunchedProcess parent = run.start(process("parent", Map.of("command", List.of("sh", "-c", "sleep 300 & wait"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> parent.handle().descendants().findAny().isPresent());
        long child = parent.handle().descendants().findFirst().orElseThrow().pid();

        parent.close();

        assertThat(ProcState.gone(parent.pid())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcState.gone(child));
    }

    @Test
    void closeKillsWhatIgnoresSigterm() throws Exception {
        LaunchedProcess stubborn = run.start(process("stubborn", Map.of(
                "command", List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> stubborn.handle().descendants().findAny().isPresent());

        stubborn.close();

        assertThat(ProcState.gone(stubborn.pid())).isTrue();
    }

    @Test
    void restartLaunchesANewProcessAndAppendsToTheSameLog() throws Exception {
        int port = FreePorts.pick();
        LaunchedProcess guardian = run.start(process("guardian", Map.of("command", PidServer.command(port), "port", port)));
        long first = guardian.pid();

        guardian.restart();

        assertThat(guardian.pid()).isNotEqualTo(first);
        assertThat(ProcState.gone(first)).isTrue();
        assertThat(PidServer.servingPid(port)).isEqualTo(guardian.pid());
        assertThat(guardian.restarts()).isEqualTo(1);
        assertThat(run.events("process-restarted")).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("previousPid", first).containsEntry("pid", guardian.pid()));
        String log = Files.readString(guardian.log());
        assertThat(log).contains("PidServer " + first).contains("PidServer " + guardian.pid());
        assertThat(run.ledger()).singleElement().satisfies(record -> {
            assertThat(record.undo().data()).containsEntry("pid", guardian.pid());
            assertThat(record.undone()).isFalse();
        });

        guardian.close();

        assertThat(run.ledger()).singleElement().satisfies(record -> assertThat(record.undone()).isTrue());
    }

    @Test
    void undoRecordNamesTheCurrentPidWithItsStartTime() throws Exception {
        var spec = process("sleeper", Map.of("command", List.of("sleep", "300")));
        LaunchedProcess sleeper = (LaunchedProcess) new ProcessResourceType().create(spec, run);
        assertThat(sleeper.undoRecord().action()).isEqualTo("none");

        sleeper = run.start(spec);

        UndoRecord undo = sleeper.undoRecord();
        assertThat(undo.action()).isEqualTo("kill-process");
        assertThat(undo.data())
                .containsEntry("pid", sleeper.pid())
                .containsEntry("startTime", sleeper.handle().info().startInstant().orElseThrow().toEpochMilli())
                .containsEntry("command", "sleep 300");
        assertThat(undo.manual()).isEqualTo("kill PID " + sleeper.pid() + " if it is still sleep 300");
    }
}
