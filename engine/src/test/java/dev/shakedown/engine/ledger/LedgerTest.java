package dev.shakedown.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.spi.UndoRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    @TempDir Path state;

    /** A signal interrupts the run's thread at any moment; the ledger must go on recording, rollback included. */
    @Test
    void aThreadInterruptedWhileWritingLeavesTheLedgerWritable() {
        try (Ledger ledger = Ledger.open(state, "run")) {
            Thread.currentThread().interrupt();
            long first;
            try {
                first = ledger.open("fault", "kill('guardian')", UndoRecord.nothing("nothing to undo"));
                ledger.undone(first);
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is left for the thread to see").isTrue();
            }
            long second = ledger.open("fault", "stop('gateway')", UndoRecord.nothing("nothing to undo"));
            ledger.undone(second);

            assertThat(LedgerReader.lines(ledger.file())).hasSize(4);
            assertThat(LedgerReader.openRecords(ledger.file())).isEmpty();
        }
    }
}
