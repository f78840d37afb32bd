package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.validate.PlanValidator;
import groovy.grape.GrabAnnotationTransformation;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
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

    /** How long a script may take to build its plan, unless a compiler is given its own limit. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofSeconds(10);
    /** Overrides {@link #DEFAULT_BUILD_TIMEOUT} for compilers made without a limit of their own: milliseconds. */
    public static final String BUILD_TIMEOUT_PROPERTY = "shakedown.buildTimeoutMs";
    /** A chaos script is a page or two; anything this large is a mistake (or an attack), not an experiment. */
    static final long MAX_SCRIPT_BYTES = 1 << 20;
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

    /** @param options how strictly the script is checked beyond the usual checks */
    public ExperimentPlan compile(Path script, Map<String, String> params, CompileOptions options) throws ScriptErrors {
        SourceIndex index = new SourceIndex();
        String sourceName = script.getFileName().toString();
        ScriptPositions positions = new ScriptPositions(sourceName, shown(script), index);
        Vocabulary vocabulary = new Vocabulary(registry, words);
        UnknownNameCheck check = new UnknownNameCheck(vocabulary, positions);
        String text = read(script, positions);
        Class<?> type = compileClass(text, sourceName, positions, index, check, options);
        StrictCheck strict = options.strict() ? StrictCheck.run(text, sourceName, loader, vocabulary, check, positions) : StrictCheck.NONE;

        List<ScriptError> errors = new ArrayList<>(check.callErrors());
        PlanBuilder plan = new PlanBuilder(script, positions, vocabulary, params, check);
        Throwable failure = build(type, plan);
        ExperimentPlan result = failure == null ? plan.build() : null;
        errors.addAll(plan.problems());
        if (failure instanceof BuildTimedOut timedOut) {
            errors.add(new ScriptError(positions.of(timedOut, null).orElse(positions.wholeFile()),
                    "the script did not finish building its plan within " + seconds(buildTimeout) + " (an endless loop?)"));
        } else if (failure != null) {
            errors.add(new FailureMessages(positions, plan).describe(failure));
        } else {
            errors.addAll(check.unknownNames(plan.conditionNames()));
            new PlanValidator(registry).validate(result).forEach(p -> errors.add(new ScriptError(p.source(), p.message())));
        }
        List<ScriptError> all = strict.mergedWith(errors, plan.conditionNames());
        if (!all.isEmpty()) throw new ScriptErrors(inScriptOrder(all), failure);
        return result;
    }

    private Class<?> compileClass(String text, String sourceName, ScriptPositions positions, SourceIndex index, UnknownNameCheck check,
                                  CompileOptions options) throws ScriptErrors {
        CompilerConfiguration config = configuration();
        config.addCompilationCustomizers(new GrabRejection(), new SyntaxRewrites(), new SourceIndexer(index), check);
        // A compile stops after the first customizer of a phase that finds errors: the restricted mode's
        // list, which includes ending the engine, before the check that is only about that.
        if (options.restricted()) {
            config.setTolerance(EVERY_MISTAKE);
            config.addCompilationCustomizers(new RestrictedMode());
        }
        config.addCompilationCustomizers(new EngineExitCheck(), new BuildDeadline());
        GroovyClassLoader classes = new GroovyClassLoader(loader, config);
        try {
            return classes.parseClass(new GroovyCodeSource(text, sourceName, GroovyShell.DEFAULT_CODE_BASE), false);
        } catch (MultipleCompilationErrorsException e) {
            List<ScriptError> errors = new ArrayList<>(check.callErrors());
            errors.addAll(FailureMessages.compileErrors(e, positions));
            throw new ScriptErrors(inScriptOrder(errors), e);
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
    private Throwable build(Class<?> type, PlanBuilder plan) {
        Throwable[] outcome = new Throwable[1];
        Thread builder = new Thread(null, () -> {
            BuildDeadline.start(buildTimeout.toNanos());
            try {
                ChaosScript script = (ChaosScript) type.getDeclaredConstructor().newInstance();
                script.attach(plan);
                script.run();
            } catch (Throwable e) {
                outcome[0] = e;
            } finally {
                BuildDeadline.clear();
            }
        }, "shakedown-plan-build", 16L << 20);
        builder.setDaemon(true);
        builder.setContextClassLoader(type.getClassLoader());
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

    private static String read(Path script, ScriptPositions positions) throws ScriptErrors {
        byte[] bytes;
        try {
            long size = Files.size(script);
            if (size > MAX_SCRIPT_BYTES) {
                throw new ScriptErrors(List.of(new ScriptError(positions.wholeFile(), String.format(
                        "the script is %.1f MB; a chaos script may be at most 1 MB (is this the right file?)", size / 1048576.0))), null);
            }
            bytes = Files.readAllBytes(script);
        } catch (IOException e) {
            throw new ScriptErrors(List.of(new ScriptError(positions.wholeFile(), "cannot read the script: " + e.getMessage())), e);
        }
        return text(bytes, positions);
    }

    /** The script's text; a file that is not UTF-8 text (a binary, another encoding) is refused at its first bad byte. */
    private static String text(byte[] bytes, ScriptPositions positions) throws ScriptErrors {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw new ScriptErrors(List.of(new ScriptError(positions.at(line, column), String.format(
                    "the script is not UTF-8 text: byte 0x%02X is not valid UTF-8 here (a binary file, or another encoding? save it as UTF-8)",
                    bytes[in.position()] & 0xff))), null);
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            String before = text.substring(0, nul);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw new ScriptErrors(List.of(new ScriptError(positions.at(line, column),
                    "the script contains a NUL byte: it is a binary file, not a chaos script")), null);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The script as the user named it, relative to the working directory when it lies below it. */
    private static String shown(Path script) {
        Path absolute = script.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : script.toString();
    }

    /**
     * By position, errors about the whole file last. The same message on the same line is one mistake
     * found twice (by the static check and by the validator, say): it is kept once, where it was first found.
     */
    private static List<ScriptError> inScriptOrder(List<ScriptError> errors) {
        Map<String, ScriptError> unique = new LinkedHashMap<>();
        for (ScriptError e : errors) unique.putIfAbsent(e.source().file() + ":" + e.source().line() + ":" + e.message(), e);
        return unique.values().stream()
                .sorted(Comparator.comparingInt((ScriptError e) -> e.source().line() > 0 ? e.source().line() : Integer.MAX_VALUE)
                        .thenComparingInt(e -> e.source().column()))
                .toList();
    }
}
