package dev.shakedown.dsl;

import groovy.lang.GroovyClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;

/**
 * {@code plan --strict}: the script compiled a second time, with Groovy's static type checker and the DSL's
 * {@link StrictTypes} extension, only to find mistakes; the class the build runs comes from the usual
 * compile, so strict mode changes nothing about what a script does. The checker sees all of the code,
 * including closures the build never runs, and reports every mistake it finds in one pass.
 */
final class StrictCheck {
    /** No strict check: nothing found. */
    static final StrictCheck NONE = new StrictCheck(List.of(), List.of(), List.of());

    /** A name reported as a misspelt variable at a place; the build may still declare a condition of that name. */
    record Suspect(String name, int line, int column) {}

    /** Groovy's type checker caches the extension methods it finds per class loader: one loader per parent, not one per check. */
    private static final Map<ClassLoader, GroovyClassLoader> LOADERS = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<ScriptError> errors;
    private final List<Suspect> suspects;
    /** Unknown names found by {@link UnknownNameCheck} before anything ran: never the same mistake as a strict one. */
    private final List<ScriptError> unknownCalls;

    private StrictCheck(List<ScriptError> errors, List<Suspect> suspects, List<ScriptError> unknownCalls) {
        this.errors = errors;
        this.suspects = suspects;
        this.unknownCalls = unknownCalls;
    }

    static StrictCheck run(String text, String sourceName, ClassLoader loader, Vocabulary vocabulary, UnknownNameCheck names,
                           ScriptPositions positions) {
        List<Suspect> suspects = new ArrayList<>();
        CompilationUnit[] unit = new CompilationUnit[1]; // the checker resolves closure parameter hints through it; made after the customizer
        CompilerConfiguration config = ScriptCompiler.configuration();
        config.setTolerance(ScriptCompiler.EVERY_MISTAKE);
        config.addCompilationCustomizers(new SyntaxRewrites(), new StrictWordTypes(vocabulary, names.bindingVariables()), new CompilationCustomizer(CompilePhase.INSTRUCTION_SELECTION) {
            @Override
            public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
                StaticTypeCheckingVisitor visitor = new StaticTypeCheckingVisitor(source, classNode);
                visitor.setCompilationUnit(unit[0]);
                visitor.addTypeCheckingExtension(new StrictTypes(visitor, vocabulary, names, DeclaredNames.of(source, classNode), suspects));
                visitor.initialize();
                visitor.visitClass(classNode);
                visitor.performSecondPass();
            }
        });
        unit[0] = new CompilationUnit(config, null, LOADERS.computeIfAbsent(loader, GroovyClassLoader::new));
        unit[0].addSource(sourceName, text);
        try {
            unit[0].compile(Phases.INSTRUCTION_SELECTION);
            return new StrictCheck(List.of(), List.copyOf(suspects), List.copyOf(names.callErrors()));
        } catch (MultipleCompilationErrorsException e) {
            List<ScriptError> found = FailureMessages.compileErrors(e, positions).stream()
                    .map(error -> new ScriptError(error.source(), StrictMessages.plain(error.message()))).toList();
            return new StrictCheck(found, List.copyOf(suspects), List.copyOf(names.callErrors()));
        } catch (CompilationFailedException e) {
            return new StrictCheck(List.of(new ScriptError(positions.wholeFile(), e.getMessage())), List.of(), List.copyOf(names.callErrors()));
        }
    }

    /**
     * What the strict check found, with what the other checks and the build found. A misspelt variable the
     * build declared as a condition after all (a computed name) is no mistake. On a line where the strict
     * check found a mistake, what the build and the plan's validation tripped over later is that same mistake
     * seen from the running script, said less precisely: it is left out.
     *
     * @param conditions the conditions the build declared
     */
    List<ScriptError> mergedWith(List<ScriptError> others, Collection<String> conditions) {
        List<ScriptError> all = errors.stream().filter(e -> !isCondition(e, conditions)).collect(Collectors.toCollection(ArrayList::new));
        Set<Integer> lines = all.stream().map(e -> e.source().line()).filter(line -> line > 0).collect(Collectors.toSet());
        others.stream().filter(e -> unknownCalls.contains(e) || !lines.contains(e.source().line())).forEach(all::add);
        return all;
    }

    private boolean isCondition(ScriptError error, Collection<String> conditions) {
        return suspects.stream().anyMatch(s -> conditions.contains(s.name()) && s.line() == error.source().line()
                && s.column() == error.source().column());
    }
}
