package dev.shakedown.engine.plan;

/** Where in a script something was declared, so every later complaint can point at it. */
public record SourceRef(String file, int line, int column) {
    public static final SourceRef UNKNOWN = new SourceRef("<unknown>", 0, 0);

    @Override
    public String toString() {
        if (line <= 0) return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
