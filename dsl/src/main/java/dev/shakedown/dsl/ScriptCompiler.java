package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.validate.PlanValidator;
import groovy.grape.GrabAnnotationTransformation;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * @param loader finds the library {@link DslWord}s and is the parent of the scripts' class loader, so it
     *               must see this module
     */
    public ScriptCompiler(Registry registry, ClassLoader loader) {
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
        SourceIndex index = new SourceIndex();
        String sourceName = script.getFileName().toString();
        ScriptPositions positions = new ScriptPositions(sourceName, shown(script), index);
        Vocabulary vocabulary = new Vocabulary(registry, words);
        UnknownNameCheck check = new UnknownNameCheck(vocabulary, positions);
        Class<?> type = compileClass(read(script, positions), sourceName, positions, index, check);

        List<ScriptError> errors = new ArrayList<>(check.callErrors());
        PlanBuilder plan = new PlanBuilder(script, positions, vocabulary, params, check);
        Throwable failure = build(type, plan);
        ExperimentPlan result = failure == null ? plan.build() : null;
        errors.addAll(plan.problems());
        if (failure != null) {
            errors.add(new FailureMessages(positions, plan).describe(failure));
        } else {
            errors.addAll(check.unknownNames(plan.conditionNames()));
            new PlanValidator(registry).validate(result).forEach(p -> errors.add(new ScriptError(p.source(), p.message())));
        }
        if (!errors.isEmpty()) throw new ScriptErrors(inScriptOrder(errors), failure);
        return result;
    }

    private Class<?> compileClass(String text, String sourceName, ScriptPositions positions, SourceIndex index, UnknownNameCheck check)
            throws ScriptErrors {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(ChaosScript.class.getName());
        config.setDisabledGlobalASTTransformations(Set.of(GrabAnnotationTransformation.class.getName()));
        config.addCompilationCustomizers(new GrabRejection(), new SyntaxRewrites(), new SourceIndexer(index), check);
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

    /** Runs the script once; returns what stopped it, or null when it ran to its end. */
    private static Throwable build(Class<?> type, PlanBuilder plan) {
        try {
            ChaosScript script = (ChaosScript) type.getDeclaredConstructor().newInstance();
            script.attach(plan);
            script.run();
            return null;
        } catch (Exception | StackOverflowError e) {
            return e;
        }
    }

    private static String read(Path script, ScriptPositions positions) throws ScriptErrors {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new ScriptErrors(List.of(new ScriptError(positions.wholeFile(), "cannot read the script: " + e.getMessage())), e);
        }
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
