package dev.shakedown.dsl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every mistake found in a script, in the order of the script. The message never contains stack trace
 * text; {@link #getCause()} keeps the underlying exception (if any) for a {@code --debug} flag.
 */
public class ScriptErrors extends Exception {
    private final List<ScriptError> errors;

    public ScriptErrors(List<ScriptError> errors, Throwable cause) {
        super(errors.stream().map(ScriptError::toString).collect(Collectors.joining("\n")), cause);
        if (errors.isEmpty()) throw new IllegalArgumentException("ScriptErrors needs at least one error");
        this.errors = List.copyOf(errors);
    }

    public List<ScriptError> errors() {
        return errors;
    }
}
