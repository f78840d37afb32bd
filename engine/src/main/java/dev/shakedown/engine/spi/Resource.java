package dev.shakedown.engine.spi;

import java.util.Map;

/** A live part of the system under test: a launched or attached process, later links and DNS. */
public interface Resource extends AutoCloseable {
    String name();

    /**
     * Starts (or attaches to) the resource and returns once it is ready. The engine writes
     * {@link #undoRecord()} to the ledger as soon as this returns (a PID is known only once started).
     */
    void start() throws Exception;

    /** How to stop this resource should the engine die while it runs. */
    UndoRecord undoRecord();

    /** Facts for the evidence and for scripts (pid, address, ...). */
    Map<String, Object> details();

    /** Stops what the run started; leaves alone what it merely attached to. Never throws. */
    @Override
    void close();
}
