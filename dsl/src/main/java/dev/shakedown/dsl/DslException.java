package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;

/**
 * A mistake in a script, reported to the user as {@code file:line:col: message} without a stack trace.
 * {@code source} may be unknown where it is thrown; the compiler fills it in from the call site.
 */
public class DslException extends RuntimeException {
    private final SourceRef source;

    public DslException(String message) {
        this(message, null);
    }

    public DslException(String message, SourceRef source) {
        // The stack trace stays: it is how the compiler finds the script line of a mistake thrown deep inside a word.
        super(message, null, false, true);
        this.source = source;
    }

    public SourceRef source() {
        return source;
    }

    public DslException at(SourceRef where) {
        return new DslException(getMessage(), where);
    }

    @Override
    public String toString() {
        return source == null ? getMessage() : source + ": " + getMessage();
    }
}
