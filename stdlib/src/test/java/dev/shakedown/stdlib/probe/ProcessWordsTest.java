package dev.shakedown.stdlib.probe;

import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shakedown.dsl.DslException;
import dev.shakedown.stdlib.process.LaunchedProcess;
import dev.shakedown.stdlib.testing.TestBuild;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code processes.guardian.pid} and {@code alive('guardian')}: named at build time, read while the run runs. */
class ProcessWordsTest {
    @TempDir
    Path dir;
    TestBuild build;
    TestRun run;

    @BeforeEach
    void declareGuardian() {
        build = new TestBuild(dir);
        build.addResource(process("guardian", Map.of("command", List.of("sleep", "300"))));
        run = new TestRun(dir);
    }

    @AfterEach
    void cleanUp() {
        run.close();
    }

    private Processes processes() {
        return (Processes) new ProcessesWord().call(build, Map.of(), List.of());
    }

    private Object alive(String name) {
        return new AliveWord().call(build, Map.of(), List.of(name));
    }

    @Test
    void readsThePidAndStateOfTheRunningProcess() throws Exception {
        ProcessRef guardian = processes().get("guardian");
        LaunchedProcess started = run.makeCurrent().start(build.resource("guardian").orElseThrow());

        assertThat(guardian.getPid()).isEqualTo(started.pid());
        assertThat(guardian.isAlive()).isTrue();
        assertThat(alive("guardian")).isEqualTo(true);

        started.handle().destroyForcibly();

        await().atMost(Duration.ofSeconds(5)).until(() -> alive("guardian").equals(false));
        assertThat(guardian.isAlive()).isFalse();
    }

    @Test
    void anUndeclaredProcessIsAScriptError() {
        assertThat(processes().containsKey("guardian")).isTrue();
        assertThat(processes().containsKey("billing")).isFalse();
        assertThatThrownBy(() -> processes().get("billing")).isInstanceOf(DslException.class)
                .hasMessageStartingWith("no process 'billing' is declared");
        assertThatThrownBy(() -> alive("billing")).isInstanceOf(DslException.class);
        assertThatThrownBy(() -> processes().get("guardan")).isInstanceOf(DslException.class)
                .hasMessageContaining("did you mean 'guardian'?");
        assertThat(processes().keySet()).contains("guardian");
    }

    @Test
    void thePidIsKnownOnlyWhileTheRunRuns() {
        assertThatThrownBy(() -> processes().get("guardian").getPid()).isInstanceOf(DslException.class)
                .hasMessage("the PID of process 'guardian' is known only while the experiment runs; read it inside a condition");
    }
}
