package dev.shakedown.stdlib.host;

import static dev.shakedown.stdlib.host.HostFaultSpecs.cpu;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelperLedgerTest {
    @TempDir
    Path runDir;

    @Test
    void theHelperIsInTheLedgerBeforeItExistsAndReplayCanFindItByItsToken() throws Exception {
        try (TestRun run = new TestRun(runDir)) {
            LedgerWatchingRun watching = new LedgerWatchingRun(run);
            Fault fault = new CpuInjector().prepare(cpu(Map.of("cores", 1, "load", "10%")), watching);
            try {
                fault.apply();
                ProcessHandle helper = ProcessHandle.of((Long) fault.details().get("helperPid")).orElseThrow();

                LedgerWatchingRun.Written written = watching.written().get(0);
                assertThat(written.processesWithToken()).as("processes carrying the token when the record was written").isEmpty();
                assertThat(ProcessHandles.commandLine(helper)).contains(written.token());
                assertThat(run.ledger()).singleElement().satisfies(record -> {
                    assertThat(record.undone()).isFalse();
                    assertThat(record.undo().data()).containsEntry("parentPid", ProcessHandle.current().pid());
                });
            } finally {
                fault.rollback();
            }
            assertThat(run.ledger()).singleElement().satisfies(record -> assertThat(record.undone()).isTrue());
        }
    }
}
