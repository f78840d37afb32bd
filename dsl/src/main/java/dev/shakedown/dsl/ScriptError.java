package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;

/** One mistake in a script, shown as {@code file:line:col: message}. */
public record ScriptError(SourceRef source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
