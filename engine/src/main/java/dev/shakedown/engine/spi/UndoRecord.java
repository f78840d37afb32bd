package dev.shakedown.engine.spi;

import java.util.Map;

/**
 * How to undo something should the engine die before it could. {@code action} names the replay step
 * ({@code sigcont}, {@code kill-process}, ...; {@code none} when there is nothing to undo); {@code data}
 * holds what that step needs (a PID with its start time, a path); {@code manual} says what a person must
 * do when the record cannot be undone automatically.
 */
public record UndoRecord(String action, Map<String, Object> data, String manual) {
    public UndoRecord {
        data = Map.copyOf(data);
    }

    public static UndoRecord nothing(String why) {
        return new UndoRecord("none", Map.of(), why);
    }
}
