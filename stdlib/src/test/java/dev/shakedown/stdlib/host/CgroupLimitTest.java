package dev.shakedown.stdlib.host;

import static dev.shakedown.stdlib.host.HostFaultSpecs.memory;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.LaunchedProcess;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupLimitTest {
    private static final ByteSize LIMIT = new ByteSize(64 * ByteSize.MB);

    @TempDir
    Path runDir;
    TestRun run;
    Fault fault;

    @BeforeEach
    void needsWritableCgroups() {
        org.junit.jupiter.api.Assumptions.assumeTrue(MemoryCgroups.unavailable().isEmpty(),
                () -> MemoryCgroups.unavailable().orElse(""));
        run = new TestRun(runDir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (fault != null) fault.rollback();
        if (run != null) run.close();
    }

    @Test
    void movesTheTargetIntoALimitedGroupAndBackOnRollback() throws Exception {
        LaunchedProcess victim = run.start(process("victim", Map.of("command", List.of("sleep", "300"))));
        Path original = MemoryCgroups.of(victim.pid());
        fault = new MemoryInjector().prepare(memory(Map.of("target", "victim", "limit", LIMIT)), run);
        UndoRecord undo = fault.undoRecord();
        Path group = original.resolve("shakedown-test-run-victim");
        assertThat(undo.action()).isEqualTo("cgroup-remove");
        assertThat(undo.data()).containsEntry("path", group.toString()).containsEntry("pids", List.of(victim.pid()))
                .containsEntry("restoreTo", original.toString());
        assertThat(undo.manual()).isEqualTo("echo " + victim.pid() + " > " + original.resolve("cgroup.procs") + "; rmdir " + group);

        fault.apply();
        assertThat(MemoryCgroups.of(victim.pid())).isEqualTo(group);
        assertThat(MemoryCgroups.read(group, "memory.limit_in_bytes")).isEqualTo(String.valueOf(LIMIT.bytes()));

        fault.rollback();
        Fault done = fault;
        fault = null;
        assertThat(MemoryCgroups.of(victim.pid())).isEqualTo(original);
        assertThat(group).doesNotExist();
        assertThat(done.details()).containsEntry("oomKills", 0L);
        assertThat(victim.isAlive()).isTrue();
    }

    @Test
    void aTargetThatGrowsPastTheLimitIsKilledByTheKernel() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        Path go = runDir.resolve("go");
        // Waits for the go file (so it is in the group before it grows), then takes 256 MB and writes to all of it.
        String grow = "import os, time\nwhile not os.path.exists('" + go + "'): time.sleep(0.02)\n"
                + "data = b'x' * (256 * 1024 * 1024)\ntime.sleep(300)\n";
        LaunchedProcess victim = run.start(process("victim", Map.of("command", List.of("/usr/bin/python3", "-c", grow))));
        fault = new MemoryInjector().prepare(memory(Map.of("target", "victim", "limit", LIMIT)), run);
        fault.apply();

        Files.createFile(go);
        await().atMost(Duration.ofSeconds(10)).until(() -> !victim.handle().isAlive());

        fault.rollback();
        Fault done = fault;
        fault = null;
        assertThat((Long) done.details().get("oomKills")).isGreaterThanOrEqualTo(1);
        assertThat((Long) done.details().get("limitHits")).isPositive();
    }

    @Test
    void onlyTheLimitNeedsCgroups() {
        assertThat(new MemoryInjector().unavailable(memory(Map.of("target", "victim", "limit", LIMIT)))).isEmpty();
        assertThat(new MemoryInjector().unavailable(memory(Map.of("size", LIMIT)))).isEmpty();
    }
}
