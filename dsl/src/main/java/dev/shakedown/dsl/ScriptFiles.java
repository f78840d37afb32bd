package dev.shakedown.dsl;

import dev.shakedown.engine.plan.IncludedFile;
import dev.shakedown.engine.plan.SourceRef;
import groovy.lang.Binding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The files of one script: the script itself and every file it includes, directly or through another file.
 * Each is compiled once, when the first {@code include} of it is compiled; a file included again (a diamond:
 * two libraries include a third) is the same compiled file, and its statements run once, at its first include.
 * An include that would compile a file already being compiled is a cycle, reported at that include with the
 * chain. Mistakes in an included file keep its own {@code file:line:col} and say where it was included from.
 */
final class ScriptFiles {
    /** Compiles one file of the script; its includes come back here. */
    interface FileCompiler {
        CompiledFile compile(ScriptSource source, ScriptPositions positions, ScriptFiles files) throws ScriptErrors;
    }

    private final IncludeResolver resolver;
    private final FileCompiler compiler;
    /** By {@link ScriptSource#key()}, in the order their compiles finished: included files before their includers. */
    private final Map<String, CompiledFile> compiled = new LinkedHashMap<>();
    private final Deque<ScriptSource> compiling = new ArrayDeque<>();
    /** Every file by the name messages show, in the order first met: the script first; for the order of errors. */
    private final List<String> order = new ArrayList<>();
    /** {@code included from lib/a.chaos.groovy:3, included from main.chaos.groovy:2} by the included file's shown name. */
    private final Map<String, String> origins = new HashMap<>();
    /** {@code file:line} of every include statement compiled. */
    private final Set<String> includeLines = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final List<ScriptError> failures = new ArrayList<>();
    private ScriptPositions scriptPositions;
    private CompiledFile script;

    ScriptFiles(IncludeResolver resolver, FileCompiler compiler) {
        this.resolver = resolver;
        this.compiler = compiler;
    }

    /** Compiles the script and, on the way, every file it includes. */
    CompiledFile compileScript(ScriptSource script) throws ScriptErrors {
        scriptPositions = new ScriptPositions(script.fileName(), script.shown(), new SourceIndex());
        this.script = compile(script, scriptPositions);
        return this.script;
    }

    /**
     * The file {@code path} names, included from the file {@code from} at {@code at}: compiled now, or earlier
     * by another include. Empty when it did not compile; its mistakes are kept for the report.
     *
     * @throws IncludeResolver.Unresolved when it names no readable file, or would close a cycle
     */
    Optional<CompiledFile> include(ScriptSource from, SourceRef at, String path) throws IncludeResolver.Unresolved {
        includeLines.add(at.file() + ":" + at.line());
        ScriptSource target = resolver.resolve(from, path);
        if (compiling.stream().anyMatch(s -> s.key().equals(target.key()))) throw new IncludeResolver.Unresolved(cycle(target));
        CompiledFile done = compiled.get(target.key());
        if (done != null) return Optional.of(done);
        if (failed.contains(target.key())) return Optional.empty();
        String origin = "included from " + at.file() + ":" + at.line();
        origins.put(target.shown(), Optional.ofNullable(origins.get(at.file())).map(o -> origin + ", " + o).orElse(origin));
        try {
            return Optional.of(compile(target, scriptPositions.include(target.fileName(), target.shown())));
        } catch (ScriptErrors e) {
            failed.add(target.key());
            failures.addAll(e.errors());
            return Optional.empty();
        }
    }

    private CompiledFile compile(ScriptSource source, ScriptPositions positions) throws ScriptErrors {
        order.add(source.shown());
        compiling.push(source);
        try {
            CompiledFile file = compiler.compile(source, positions, this);
            compiled.put(source.key(), file);
            return file;
        } finally {
            compiling.pop();
        }
    }

    /** {@code include cycle: a.chaos.groovy includes lib/b.chaos.groovy includes a.chaos.groovy}. */
    private String cycle(ScriptSource target) {
        List<String> chain = new ArrayList<>();
        for (ScriptSource s : (Iterable<ScriptSource>) compiling::descendingIterator) {
            if (!chain.isEmpty() || s.key().equals(target.key())) chain.add(s.shown());
        }
        if (chain.size() == 1) return "include cycle: " + target.shown() + " includes itself";
        chain.add(target.shown());
        return "include cycle: " + String.join(" includes ", chain);
    }

    /** Whether a file the script includes did not compile: the script cannot be built then. */
    boolean anyFailed() {
        return !failed.isEmpty();
    }

    /** The files the script included, each once, in the order they were first included. */
    List<IncludedFile> included() {
        return compiled.values().stream().filter(f -> f.positions() != scriptPositions)
                .sorted(Comparator.comparingInt(f -> order.indexOf(f.source().shown())))
                .map(f -> new IncludedFile(f.source().shown(), f.sha256())).toList();
    }

    /** The functions every file declares: a call of one with wrong arguments is no unknown word. */
    Set<String> functions() {
        return union(f -> f.check().scriptMethods());
    }

    /** What to say of {@code name}, read in {@code file} (as shown) but defined nowhere that file can see. */
    String unknownName(String name, String file, Collection<String> conditions) {
        CompiledFile in = compiled.values().stream().filter(f -> f.source().shown().equals(file)).findFirst()
                .orElse(script);
        return in.check().unknownName(name, conditions);
    }

    /** Unknown calls the static check reported in any file: the build must not stop at them again. */
    Set<String> reportedCalls() {
        return union(f -> f.check().reportedCalls());
    }

    /** What the static check found in every file before the script ran. */
    List<ScriptError> callErrors() {
        return compiled.values().stream().flatMap(f -> f.check().callErrors().stream()).toList();
    }

    /** Names no file defines, once the build has declared the conditions. */
    List<ScriptError> unknownNames(Collection<String> conditions) {
        return compiled.values().stream().flatMap(f -> f.check().unknownNames(conditions).stream()).toList();
    }

    /**
     * The script's instance, ready to run, and one instance of every file it includes, sharing its binding (the
     * variables set without {@code def}) and its plan, each linked to the files it includes.
     */
    ChaosScript instantiate(CompiledFile script, PlanBuilder plan) throws ReflectiveOperationException {
        return instance(script, plan, new Binding(), new HashMap<>());
    }

    private ChaosScript instance(CompiledFile file, PlanBuilder plan, Binding binding, Map<CompiledFile, ChaosScript> made)
            throws ReflectiveOperationException {
        ChaosScript existing = made.get(file);
        if (existing != null) return existing;
        ChaosScript script = file.newInstance();
        made.put(file, script);
        script.setBinding(binding);
        Map<String, ChaosScript> includes = new LinkedHashMap<>();
        for (Map.Entry<String, CompiledFile> include : file.includes().entrySet()) {
            includes.put(include.getKey(), instance(include.getValue(), plan, binding, made));
        }
        script.attach(plan, file.functions(), includes);
        return script;
    }

    /**
     * Every mistake, of the script and of the files it includes, as one report: by file (the script first, then
     * its includes in the order met), by position within a file, whole-file mistakes last. A mistake in an
     * included file says where it was included from. The same message on the same line is one mistake found
     * twice (by the static check and by the validator, say): it is kept once.
     */
    ScriptErrors report(List<ScriptError> errors, Throwable cause) {
        Map<String, ScriptError> unique = new LinkedHashMap<>();
        for (ScriptError e : concat(failures, errors)) unique.putIfAbsent(e.source().file() + ":" + e.source().line() + ":" + e.message(), e);
        List<ScriptError> ordered = unique.values().stream()
                .sorted(Comparator.comparingInt((ScriptError e) -> rank(e.source().file()))
                        .thenComparingInt(e -> e.source().line() > 0 ? e.source().line() : Integer.MAX_VALUE)
                        .thenComparingInt(e -> e.source().column()))
                .map(this::withOrigin)
                .toList();
        return new ScriptErrors(ordered, cause);
    }

    /**
     * A failure of the build located in an included file, with the line of the script that called into it:
     * {@code (called from checkout.chaos.groovy:12:1)}, for a template given a wrong argument. Not when that
     * line is the include itself: the file's own statements failed, and its origin says so.
     */
    ScriptError withCaller(ScriptError error, Throwable failure) {
        if (error.source().file().equals(scriptPositions.file())) return error;
        return scriptPositions.inThisFile(failure)
                .filter(caller -> !includeLines.contains(caller.file() + ":" + caller.line()))
                .map(caller -> new ScriptError(error.source(), error.message() + " (called from " + caller + ")"))
                .orElse(error);
    }

    private int rank(String file) {
        int at = order.indexOf(file);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private ScriptError withOrigin(ScriptError error) {
        String origin = origins.get(error.source().file());
        return origin == null ? error : new ScriptError(error.source(), error.message() + " (" + origin + ")");
    }

    private Set<String> union(Function<CompiledFile, Set<String>> names) {
        Set<String> all = new HashSet<>();
        compiled.values().forEach(f -> all.addAll(names.apply(f)));
        return all;
    }

    private static List<ScriptError> concat(List<ScriptError> a, List<ScriptError> b) {
        List<ScriptError> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
