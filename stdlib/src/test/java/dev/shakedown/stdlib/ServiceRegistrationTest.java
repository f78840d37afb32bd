package dev.shakedown.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.dsl.DslWord;
import dev.shakedown.engine.spi.Registry;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A jar on the classpath is all it takes: the engine and the DSL find the stdlib through ServiceLoader. */
class ServiceRegistrationTest {
    @Test
    void theEngineFindsTheFaultsAndTheProcessResource() {
        Registry registry = new Registry(getClass().getClassLoader());

        assertThat(registry.injector("kill")).isPresent();
        assertThat(registry.injector("terminate")).isPresent();
        assertThat(registry.injector("stop")).isPresent();
        assertThat(registry.resourceType("process")).isPresent();
    }

    /** Every undo action the stdlib writes to the ledger has a replay step. */
    @Test
    void theEngineFindsAReplayStepForEveryUndoAction() {
        Registry registry = new Registry(getClass().getClassLoader());

        assertThat(registry.undoActions()).containsOnlyKeys("kill-process", "sigcont", "kill-helper", "cgroup-remove",
                "delete-file", "unmount", "write-file", "restore-file", "firewall-delete");
    }

    @Test
    void theDslFindsTheWords() {
        assertThat(ServiceLoader.load(DslWord.class).stream().map(p -> p.get().name()))
                .contains("http", "tcp", "command", "alive", "processes", "demoSystem");
    }
}
