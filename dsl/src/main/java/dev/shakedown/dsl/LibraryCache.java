package dev.shakedown.dsl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Libraries on the classpath ({@code stdlib:demo}), compiled once per compiler: every script that includes one
 * would otherwise pay for compiling it again. A library is reused only as the same bytes under the same source
 * name, and only when it includes nothing itself, so what a compile learns of it (its class, the positions of
 * its names, what its static check found) is all there is to it. Files on disk are always compiled afresh.
 */
final class LibraryCache {
    private final Map<String, CompiledFile> compiled = new ConcurrentHashMap<>();

    /** The library compiled earlier, now one of the files of the script that {@code positions} belong to. */
    Optional<CompiledFile> find(ScriptSource source, ScriptSource.Text text, ScriptPositions positions) {
        CompiledFile earlier = source.isLibrary() ? compiled.get(key(source, text.sha256(), positions)) : null;
        if (earlier == null) return Optional.empty();
        positions.index().addAll(earlier.positions().index());
        return Optional.of(new CompiledFile(source, positions, text.sha256(), earlier.type(), earlier.check(), Map.of()));
    }

    void keep(CompiledFile file) {
        if (file.source().isLibrary() && file.includes().isEmpty()) compiled.put(key(file.source(), file.sha256(), file.positions()), file);
    }

    private static String key(ScriptSource source, String sha256, ScriptPositions positions) {
        return source.key() + "\n" + sha256 + "\n" + positions.sourceName();
    }
}
