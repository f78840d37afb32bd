package dev.shakedown.stdlib.fault;

import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safety rails hold whatever a script attaches to: no signal to init, the engine or its parent. */
class SignalSafetyTest {
    @TempDir
    Path runDir;
    TestRun run;

    @BeforeEach
    void newRun() {
        run = new TestRun(runDir);
    }

    @AfterEach
    void cleanUp() {
        run.close();
    }

    /** The first line of defence: such a process cannot even be attached to, so no fault can name it. */
    @Test
    void initTheEngineAndItsParentCannotBeAttachedTo() {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThatThrownBy(() -> attach("init", 1)).hasMessageContaining("PID 1 (init), which the engine never signals");
        assertThatThrownBy(() -> attach("self", self)).hasMessageContaining("PID " + self + " (the engine itself)");
        assertThatThrownBy(() -> attach("parent", parent)).hasMessageContaining("PID " + parent + " (the engine's parent)");
    }

    /** The second: every signal a fault sends passes the run's check, whatever resource it came from. */
    @Test
    void theRunRefusesToSignalInitTheEngineAndItsParent() {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThatThrownBy(() -> run.checkSignalAllowed(1)).hasMessage("refusing to signal PID 1 (init)");
        assertThatThrownBy(() -> run.checkSignalAllowed(self)).hasMessage("refusing to signal the engine itself (PID " + self + ")");
        assertThatThrownBy(() -> run.checkSignalAllowed(parent))
                .hasMessage("refusing to signal the engine's parent (PID " + parent + ")");
        assertThat(ProcessHandle.of(parent)).get().matches(ProcessHandle::isAlive);
    }

    private void attach(String name, long pid) throws Exception {
        Path pidFile = Files.writeString(runDir.resolve(name + ".pid"), String.valueOf(pid));
        run.start(process(name, Map.of("pidFile", pidFile.toString())));
    }
}
