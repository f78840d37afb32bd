package dev.shakedown.stdlib.fault;

import static dev.shakedown.stdlib.fault.FaultSpecs.fault;
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

    @Test
    void refusesToSignalInit() throws Exception {
        attach("init", 1);

        assertThatThrownBy(() -> new KillInjector().prepare(fault("kill", "init"), run))
                .hasMessage("refusing to signal PID 1 (init)");
    }

    @Test
    void refusesToSignalTheEngineItself() throws Exception {
        long self = ProcessHandle.current().pid();
        attach("self", self);

        assertThatThrownBy(() -> new StopInjector().prepare(fault("stop", "self"), run))
                .hasMessage("refusing to signal the engine itself (PID " + self + ")");
    }

    @Test
    void refusesToSignalTheEnginesParent() throws Exception {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        attach("parent", parent);

        assertThatThrownBy(() -> new TerminateInjector().prepare(fault("terminate", "parent"), run))
                .hasMessage("refusing to signal the engine's parent (PID " + parent + ")");
        assertThat(ProcessHandle.of(parent)).get().matches(ProcessHandle::isAlive);
    }

    private void attach(String name, long pid) throws Exception {
        Path pidFile = Files.writeString(runDir.resolve(name + ".pid"), String.valueOf(pid));
        run.start(process(name, Map.of("pidFile", pidFile.toString())));
    }
}
