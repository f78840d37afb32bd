package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.validate.PlanValidator;
import groovy.grape.GrabAnnotationTransformation;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;

/**
 * Turns a {@code *.chaos.groovy} script into a validated {@link ExperimentPlan}. The script is compiled
 * once and run once to build the plan (steps are recorded, nothing starts); the engine's
 * {@link PlanValidator} then checks the result. The mistakes found on the way, by the compiler, the static
 * check, the build and the validator, are reported together in one {@link ScriptErrors}.
 */
public final class ScriptCompiler {
    private final Registry registry;
    private final ClassLoader loader;
    private final Map<String, DslWord> words;
    private final Duration buildTimeout;
    /** Libraries compiled with one set of options are no answer for a compile with others (restricted mode). */
    private final Map<CompileOptions, LibraryCache> libraries = new ConcurrentHashMap<>();

    /** How long a script may take to build its plan, unless a compiler is given its own limit. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofSeconds(10);
    /** Overrides {@link #DEFAULT_BUILD_TIMEOUT} for compilers made without a limit of their own: milliseconds. */
    public static final String BUILD_TIMEOUT_PROPERTY = "shakedown.buildTimeoutMs";
    /** Groovy gives up after 10 compile errors; the strict and restricted checks report every mistake of a file. */
    static final int EVERY_MISTAKE = 1000;

    /**
     * @param loader finds the library {@link DslWord}s and is the parent of the scripts' class loader, so it
     *               must see this module
     */
    public ScriptCompiler(Registry registry, ClassLoader loader) {
        this(registry, loader, Duration.ofMillis(Long.getLong(BUILD_TIMEOUT_PROPERTY, DEFAULT_BUILD_TIMEOUT.toMillis())));
    }

    /** @param buildTimeout how long the script may run to build its plan; past it, the build stops with an error */
    public ScriptCompiler(Registry registry, ClassLoader loader, Duration buildTimeout) {
        this.buildTimeout = buildTimeout;
        this.registry = registry;
        this.loader = loader;
        Map<String, DslWord> byName = new LinkedHashMap<>();
        for (DslWord word : ServiceLoader.load(DslWord.class, loader)) {
            DslWord previous = byName.putIfAbsent(word.name(), word);
            if (previous != null && previous.getClass() != word.getClass()) {
                throw new IllegalStateException("DslWord '" + word.name() + "' is provided twice: by "
                        + previous.getClass().getName() + " and " + word.getClass().getName());
            }
        }
        this.words = Map.copyOf(byName);
    }

    /**
     * @param script the script as the user named it; messages show it relative to the working directory
     * @param params the {@code --param} values
     */
    public ExperimentPlan compile(Path script, Map<String, String> params) throws ScriptErrors {
        return compile(script, params, CompileOptions.DEFAULT);
    }

    /**
     * @param options how strictly the script is checked beyond the usual checks; restricted mode covers the
     *                included files too, the strict type check the script's own file
     */
    public ExperimentPlan compile(Path script, Map<String, String> params, CompileOptions options) throws ScriptErrors {
        Vocabulary vocabulary = new Vocabulary(registry, words);
        ScriptFiles files = new ScriptFiles(new IncludeResolver(loader),
                (source, positions, all) -> compileFile(source, positions, all, vocabulary, options));
        CompiledFile main;
        try {
            main = files.compileScript(ScriptSource.file(script));
        } catch (ScriptErrors e) {
            throw files.report(e.errors(), e.getCause());
        }
        if (files.anyFailed()) throw files.report(List.of(), null);

        ScriptPositions positions = main.positions();
        StrictCheck strict = options.strict()
                ? StrictCheck.run(main.source().read(positions).text(), positions.sourceName(), loader, vocabulary, main.check(), positions)
                : StrictCheck.NONE;

        List<ScriptError> errors = new ArrayList<>(files.callErrors());
        PlanBuilder plan = new PlanBuilder(script, positions, vocabulary, params, files);
        Throwable failure = build(main, files, plan);
        ExperimentPlan result = failure == null ? plan.build() : null;
        errors.addAll(plan.problems());
        if (failure instanceof BuildTimedOut timedOut) {
            errors.add(files.withCaller(new ScriptError(positions.of(timedOut, null).orElse(positions.wholeFile()),
                    "the script did not finish building its plan within " + seconds(buildTimeout) + " (an endless loop?)"), timedOut));
        } else if (failure != null) {
            errors.add(files.withCaller(new FailureMessages(positions, plan).describe(failure), failure));
        } else {
            errors.addAll(files.unknownNames(plan.conditionNames()));
            new PlanValidator(registry).validate(result).forEach(p -> errors.add(new ScriptError(p.source(), p.message())));
        }
        List<ScriptError> all = strict.mergedWith(errors, plan.conditionNames());
        if (!all.isEmpty()) throw files.report(all, failure);
        return result;
    }

    /** One file of the script, the script itself or an included file; the files it includes are compiled on the way. */
    private CompiledFile compileFile(ScriptSource source, ScriptPositions positions, ScriptFiles files, Vocabulary vocabulary,
                                     CompileOptions options) throws ScriptErrors {
        ScriptSource.Text text = source.read(positions);
        LibraryCache libraries = this.libraries.computeIfAbsent(options, o -> new LibraryCache());
        Optional<CompiledFile> compiledBefore = libraries.find(source, text, positions);
        if (compiledBefore.isPresent()) return compiledBefore.get();
        IncludeStatements includes = new IncludeStatements(source, positions, files);
        UnknownNameCheck check = new UnknownNameCheck(vocabulary, positions, includes);
        Class<?> type = compileClass(text.text(), positions, check, includes, options);
        CompiledFile compiled = new CompiledFile(source, positions, text.sha256(), type, check, includes.included());
        libraries.keep(compiled);
        return compiled;
    }

    private Class<?> compileClass(String text, ScriptPositions positions, UnknownNameCheck check, IncludeStatements includes,
                                  CompileOptions options) throws ScriptErrors {
        CompilerConfiguration config = configuration();
        config.addCompilationCustomizers(new GrabRejection(), new SyntaxRewrites(), includes, new SourceIndexer(positions.index()), check);
        // A compile stops after the first customizer of a phase that finds errors: the restricted mode's
        // list, which includes ending the engine, before the check that is only about that.
        if (options.restricted()) {
            config.setTolerance(EVERY_MISTAKE);
            config.addCompilationCustomizers(new RestrictedMode());
        }
        config.addCompilationCustomizers(new EngineExitCheck(), new BuildDeadline());
        GroovyClassLoader classes = new GroovyClassLoader(loader, config);
        try {
            return ParserConsole.quietly(() -> classes.parseClass(new GroovyCodeSource(text, positions.sourceName(), GroovyShell.DEFAULT_CODE_BASE), false));
        } catch (MultipleCompilationErrorsException e) {
            List<ScriptError> errors = new ArrayList<>(check.callErrors());
            errors.addAll(FailureMessages.compileErrors(e, positions));
            throw new ScriptErrors(errors, e);
        } catch (CompilationFailedException e) {
            throw new ScriptErrors(List.of(new ScriptError(positions.wholeFile(), e.getMessage())), e);
        }
    }

    /** How every script is compiled: on the DSL's base class, and never with Grape. */
    static CompilerConfiguration configuration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(ChaosScript.class.getName());
        config.setDisabledGlobalASTTransformations(Set.of(GrabAnnotationTransformation.class.getName()));
        return config;
    }

    /**
     * Runs the script once, on its own thread and within the build timeout; returns what stopped it, or null
     * when it ran to its end. Loops, methods and closures of the script check the deadline ({@link BuildDeadline});
     * a build that waits (a sleep) is interrupted, and one stuck outside the script's own code is abandoned.
     */
    private Throwable build(CompiledFile main, ScriptFiles files, PlanBuilder plan) {
        Throwable[] outcome = new Throwable[1];
        Thread builder = new Thread(null, () -> {
            BuildDeadline.start(buildTimeout.toNanos());
            try {
                files.instantiate(main, plan).run();
            } catch (Throwable e) {
                outcome[0] = e;
            } finally {
                BuildDeadline.clear();
            }
        }, "shakedown-plan-build", 16L << 20);
        builder.setDaemon(true);
        builder.setContextClassLoader(main.type().getClassLoader());
        builder.start();
        try {
            builder.join(buildTimeout.toMillis() + 500);
            if (builder.isAlive()) {
                BuildTimedOut timedOut = new BuildTimedOut(builder.getStackTrace());
                builder.interrupt();
                builder.join(1000);
                if (builder.isAlive()) abandon(builder);
                return timedOut;
            }
        } catch (InterruptedException e) {
            builder.interrupt();
            Thread.currentThread().interrupt();
            return new BuildTimedOut(builder.getStackTrace());
        }
        Throwable failure = outcome[0];
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BuildDeadline.Expired) return new BuildTimedOut(t.getStackTrace());
        }
        return failure;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void abandon(Thread builder) {
        try {
            builder.stop(); // still works on Java 17; the thread is a daemon either way
        } catch (UnsupportedOperationException | SecurityException ignored) {
            // a newer JVM: the daemon thread dies with the process
        }
    }

    /** The build did not end in time; its stack trace is where the script was at that moment. */
    static final class BuildTimedOut extends RuntimeException {
        BuildTimedOut(StackTraceElement[] where) {
            super("the build timed out", null, false, true);
            setStackTrace(where);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
