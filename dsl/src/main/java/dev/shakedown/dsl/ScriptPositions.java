package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which line of the script is running, from the stack: the script class and the closure classes
 * Groovy generates from it all carry the script's source name in their stack frames. Helper methods the
 * script declares are found the same way, so a step recorded from {@code def crash(name) { inject ... }}
 * points at the {@code inject} inside the helper.
 *
 * <p>The files a script includes are compiled under source names of their own, unique among the files of
 * the script; the positions of all of them share one table, so a step recorded inside an included file's
 * function points into that file, whichever file's positions are asked.
 */
final class ScriptPositions {
    private final String sourceName;
    private final String file;
    private final SourceIndex index;
    /** Every file of the script by source name, the first one included; shared by their positions. */
    private final Map<String, ScriptPositions> files;

    /**
     * @param sourceName the name Groovy compiled the script under (what its stack frames say)
     * @param file       the script as the user named it, for messages
     */
    ScriptPositions(String sourceName, String file, SourceIndex index) {
        this(sourceName, file, index, new LinkedHashMap<>());
    }

    private ScriptPositions(String sourceName, String file, SourceIndex index, Map<String, ScriptPositions> files) {
        this.sourceName = sourceName;
        this.file = file;
        this.index = index;
        this.files = files;
        files.put(sourceName, this);
    }

    /** The positions of a file this script includes, under a source name no other file of the script has. */
    ScriptPositions include(String fileName, String shown) {
        String unique = fileName;
        for (int n = 2; files.containsKey(unique); n++) unique = fileName + "#" + n;
        return new ScriptPositions(unique, shown, new SourceIndex(), files);
    }

    String sourceName() {
        return sourceName;
    }

    /** The file as the user named it. */
    String file() {
        return file;
    }

    SourceIndex index() {
        return index;
    }

    /** Where the script is now, pointing at {@code name} on the running line. */
    SourceRef here(String name) {
        return StackWalker.getInstance()
                .walk(frames -> frames.map(f -> locate(f.getFileName(), f.getLineNumber(), name)).flatMap(Optional::stream).findFirst())
                .orElse(wholeFile());
    }

    /** Where the script was when {@code failure} was thrown, pointing at {@code name} (may be null). */
    Optional<SourceRef> of(Throwable failure, String name) {
        return innermost(failure, name, files.keySet());
    }

    /** The innermost line of this file, not of the files it includes, that was running when {@code failure} was thrown. */
    Optional<SourceRef> inThisFile(Throwable failure) {
        return innermost(failure, null, Set.of(sourceName));
    }

    private Optional<SourceRef> innermost(Throwable failure, String name, Set<String> sourceNames) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getFileName() == null || !sourceNames.contains(frame.getFileName())) continue;
                Optional<SourceRef> found = locate(frame.getFileName(), frame.getLineNumber(), name);
                if (found.isPresent()) return found;
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

    /** The position in one of the script's files that a stack frame stands for; none for frames of other code. */
    private Optional<SourceRef> locate(String frameFile, int line, String name) {
        ScriptPositions owner = frameFile == null || line <= 0 ? null : files.get(frameFile);
        return owner == null ? Optional.empty() : Optional.of(owner.index.locate(owner.file, line, name));
    }
}
