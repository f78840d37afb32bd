package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.ledger.Ledger;
import dev.shakedown.engine.ledger.LedgerReplay;
import dev.shakedown.engine.spi.UndoRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} first undoes what a dead run left open; {@code rollback} reports what it cannot undo. */
class RunReplaysFirstTest {
    @TempDir Path dir;

    @Test
    void runReplaysTheLedgerOfADeadRunBeforeItsOwnExperiment() throws Exception {
        Path state = dir.resolve("state");
        Path fill = Files.write(dir.resolve("shakedown-fill-1"), new byte[1024]);
        try (Ledger dead = Ledger.open(state, "dead-run")) {
            dead.open("fault", "disk(path: '" + dir + "')", new UndoRecord("delete-file", Map.of("path", fill.toString(), "size", 1024), "rm " + fill));
        }
        Path script = Files.writeString(dir.resolve("quiet.chaos.groovy"), """
                component 'quiet'
                scenario 'nothing' {
                    hold 50.ms
                }
                """);

        Cli.Result r = Cli.run("run", script.toString(), "--out", dir.resolve("artifacts").toString(),
                "--state", state.toString(), "--no-color");

        assertThat(r.all()).contains("rolled back dead-run #1 disk(path:");
        assertThat(r.all().indexOf("rolled back")).isLessThan(r.all().indexOf("shakedown run"));
        assertThat(fill).doesNotExist();
        assertThat(LedgerReplay.list(state)).isEmpty();
    }

    @Test
    void rollbackListsAndReportsWhatAPersonMustDoAndExits1() throws Exception {
        Path state = dir.resolve("state");
        try (Ledger dead = Ledger.open(state, "dead-run")) {
            dead.open("fault", "strange()", new UndoRecord("teleport", Map.of("where", "back"), "walk back by hand"));
        }

        Cli.Result list = Cli.run("rollback", "--state", state.toString(), "--list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.all()).contains("dead-run #1").contains("strange()").contains("walk back by hand");

        Cli.Result r = Cli.run("rollback", "--state", state.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.all()).contains("STILL OPEN run dead-run #1 strange() (teleport)")
                .contains("a person must: walk back by hand");
        assertThat(LedgerReplay.list(state)).hasSize(1);
    }
}
