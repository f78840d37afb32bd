package dev.shakedown.dsl;

/**
 * How strictly a script is checked on top of the usual checks.
 *
 * @param strict     also type-check the whole script ({@code plan --strict}): code the build never runs (the
 *                   closures of conditions, branches not taken) is checked too, with every mistake at once
 * @param restricted refuse what a shared script has no business doing ({@code --restricted}): imports, the
 *                   JVM, files, processes, reflection; a lint for reviewers, not a security boundary
 */
public record CompileOptions(boolean strict, boolean restricted) {
    /** The usual checks only. */
    public static final CompileOptions DEFAULT = new CompileOptions(false, false);
}
