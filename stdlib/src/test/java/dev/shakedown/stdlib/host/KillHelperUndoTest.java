package dev.shakedown.stdlib.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KillHelperUndoTest {
    private Process helper;
    private Process bystander;

    @AfterEach
    void cleanUp() {
        if (helper != null) helper.destroyForcibly();
        if (bystander != null) bystander.destroyForcibly();
    }

    /** A helper-like process: the token on its command line, as HelperLauncher puts it there. */
    private static Process carrying(String token) throws Exception {
        return new ProcessBuilder("sh", "-c", "sleep 60; true", token).start();
    }

    @Test
    void endsTheProcessCarryingTheTokenAndNoOther() throws Exception {
        String token = "shakedown-helper-" + UUID.randomUUID();
        helper = carrying(token);
        bystander = carrying("shakedown-helper-" + UUID.randomUUID());
        Thread.sleep(100);

        var outcome = new KillHelperUndo().undo(Map.of("token", token, "parentPid", 1, "parentStart", 0));

        assertThat(outcome.undone()).isTrue();
        assertThat(outcome.note()).contains(String.valueOf(helper.pid()));
        assertThat(helper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bystander.isAlive()).isTrue();
        // Idempotent: nothing carries the token any more.
        assertThat(new KillHelperUndo().undo(Map.of("token", token)).note()).contains("no helper");
    }
}
