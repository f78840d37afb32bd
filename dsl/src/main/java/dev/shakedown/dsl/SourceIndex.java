package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.ASTNode;

/**
 * Where each name is written in the script. A running script only knows its line (from a stack frame);
 * this gives the column: the position of the name that line is about, {@code kil} in
 * {@code inject kil('guardian')}. Filled while the script compiles, read while it builds its plan.
 */
final class SourceIndex {
    /** A name at {@code line:column}, inside an expression that ends on {@code lastLine}. */
    private record Entry(String name, int line, int column, int lastLine) {}

    private final List<Entry> entries = new ArrayList<>();

    /** {@code name} is written at {@code at}, in an expression that spans {@code extent}. */
    void add(String name, ASTNode at, ASTNode extent) {
        if (name != null && at.getLineNumber() > 0 && at.getColumnNumber() > 0) {
            entries.add(new Entry(name, at.getLineNumber(), at.getColumnNumber(), Math.max(at.getLineNumber(), extent.getLastLineNumber())));
        }
    }

    /** Every name {@code other} knows, for a file compiled once and used again (see {@link LibraryCache}). */
    void addAll(SourceIndex other) {
        entries.addAll(other.entries);
    }

    /**
     * The position of {@code name} as seen from {@code line}. A call spread over lines may report any of
     * them, so the innermost expression with that name spanning the line wins; without one, the first
     * thing written on the line; without that, the line alone.
     */
    SourceRef locate(String file, int line, String name) {
        Optional<Entry> named = entries.stream()
                .filter(e -> e.name.equals(name) && e.line <= line && line <= e.lastLine)
                .max(Comparator.comparingInt(Entry::line).thenComparing(Comparator.comparingInt(Entry::column).reversed()));
        Optional<Entry> found = named.or(() -> entries.stream().filter(e -> e.line == line).min(Comparator.comparingInt(Entry::column)));
        return found.map(e -> new SourceRef(file, e.line, e.column)).orElse(new SourceRef(file, line, 0));
    }
}
