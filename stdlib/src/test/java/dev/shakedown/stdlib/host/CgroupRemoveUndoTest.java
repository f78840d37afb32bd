package dev.shakedown.stdlib.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CgroupRemoveUndoTest {
    private Process victim;

    @AfterEach
    void cleanUp() {
        if (victim != null) victim.destroyForcibly();
    }

    @Test
    void movesTheProcessBackAndRemovesTheGroup() throws Exception {
        assumeTrue(MemoryCgroups.unavailable().isEmpty(), () -> MemoryCgroups.unavailable().orElse(""));
        victim = new ProcessBuilder("sleep", "60").start();
        Path original = MemoryCgroups.of(victim.pid());
        Path group = original.resolve("shakedown-replay-" + UUID.randomUUID());
        Files.createDirectory(group);
        MemoryCgroups.move(victim.pid(), group);
        Map<String, Object> data = Map.of("path", group.toString(), "pids", List.of(victim.pid()), "restoreTo", original.toString());

        assertThat(new CgroupRemoveUndo().undo(data).undone()).isTrue();
        assertThat(group).doesNotExist();
        assertThat(MemoryCgroups.of(victim.pid())).isEqualTo(original);
        assertThat(new CgroupRemoveUndo().undo(data).note()).contains("gone");
    }
}
