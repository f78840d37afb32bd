package dev.shakedown.engine.spi;

import java.util.Map;

/** A prepared fault: knows how to take effect, how to undo itself, and what it did. */
public interface Fault {
    /** How to undo this fault should the engine die; written to the ledger before {@link #apply()}. */
    UndoRecord undoRecord();

    /** Makes the fault take effect. Returns once it has. */
    void apply() throws Exception;

    /** Undoes the fault. Called once, newest fault first, however the scenario ended. */
    void rollback() throws Exception;

    /** Measured facts for the evidence (the PID that was killed, the signal sent, ...). */
    Map<String, Object> details();
}
