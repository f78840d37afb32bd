package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;
import java.util.Optional;

/**
 * Finds which line of the script is running, from the stack: the script class and the closure classes
 * Groovy generates from it all carry the script's source name in their stack frames. Helper methods the
 * script declares are found the same way, so a step recorded from {@code def crash(name) { inject ... }}
 * points at the {@code inject} inside the helper.
 */
final class ScriptPositions {
    private final String sourceName;
    private final String file;
    private final SourceIndex index;

    /**
     * @param sourceName the name Groovy compiled the script under (what its stack frames say)
     * @param file       the script as the user named it, for messages
     */
    ScriptPositions(String sourceName, String file, SourceIndex index) {
        this.sourceName = sourceName;
        this.file = file;
        this.index = index;
    }

    /** Where the script is now, pointing at {@code name} on the running line. */
    SourceRef here(String name) {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> isScript(f.getFileName(), f.getLineNumber())).findFirst())
                .map(f -> index.locate(file, f.getLineNumber(), name))
                .orElse(wholeFile());
    }

    /** Where the script was when {@code failure} was thrown, pointing at {@code name} (may be null). */
    Optional<SourceRef> of(Throwable failure, String name) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isScript(frame.getFileName(), frame.getLineNumber())) {
                    return Optional.of(index.locate(file, frame.getLineNumber(), name));
                }
            }
        }
        return Optional.empty();
    }

    SourceRef wholeFile() {
        return new SourceRef(file, 0, 0);
    }

    SourceRef at(int line, int column) {
        return new SourceRef(file, line, column);
    }

    private boolean isScript(String frameFile, int line) {
        return sourceName.equals(frameFile) && line > 0;
    }
}
