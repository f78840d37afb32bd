package dev.shakedown.engine.spi;

import java.util.Map;

/**
 * One replay step of the fault ledger: ends what an undo record with this {@link #action()} describes,
 * after the engine that wrote it died before it could. Found with {@link java.util.ServiceLoader} through
 * {@link Registry}. Every step is idempotent: something already gone (a PID that exited or names another
 * process now, a missing file, an absent rule) counts as undone.
 */
public interface UndoAction {
    /** The undo record's action this step handles, e.g. {@code sigcont}. */
    String action();

    /** Undoes the record whose data is {@code data}; throwing is the same as {@link Outcome#failed}. */
    Outcome undo(Map<String, Object> data) throws Exception;

    /** What a step did: undone (with a note such as "PID 42 had exited"), or not, and why. */
    record Outcome(boolean undone, String note) {
        public static Outcome done(String note) {
            return new Outcome(true, note);
        }

        public static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }

    /** A number in an undo record's data (JSON gives Integer or Long), or null. */
    static Long number(Map<String, Object> data, String key) {
        Object value = data.get(key);
        if (value instanceof Number n) return n.longValue();
        if (value instanceof String s && !s.isBlank()) return Long.parseLong(s.trim());
        return null;
    }

    /** A text field of an undo record's data; a record without it cannot be undone. */
    static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        if (value == null) throw new IllegalArgumentException("the undo record has no " + key);
        return String.valueOf(value);
    }
}
