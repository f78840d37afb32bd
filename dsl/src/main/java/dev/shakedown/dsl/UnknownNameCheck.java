package dev.shakedown.dsl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Finds misspelt names in the whole script, including code the build never runs (condition closures run
 * only later, on the engine's threads), so that one compile reports them all with their positions.
 *
 * <ul>
 *   <li>Calls without a receiver ({@code kil('guardian')}) are checked right after semantic analysis: the
 *       name must be a DSL word, a fault, a resource kind, a library word, a method of the script, a Groovy
 *       method every object has ({@code println}), or a binding variable. Groovy has by then turned calls of
 *       local closure variables into {@code variable.call(...)}, so those are no longer receiver-less.</li>
 *   <li>Names that are no local variable ({@code htp.get(url)}) are collected then and checked once the
 *       build has declared the conditions: a name must be a library word, a condition, a binding variable
 *       or a property every script or closure has.</li>
 * </ul>
 * Closures passed to methods that may give them another delegate ({@code with}, {@code tap}, library
 * words, methods of other objects) are not checked: names there may be that delegate's. The functions and
 * binding variables of the files a script includes are known names of the script; while one of those files
 * does not compile, the check is left out, as the names it would report may be that file's.
 */
final class UnknownNameCheck extends CompilationCustomizer {
    /** Groovy methods whose closure gets the receiver as delegate. */
    private static final Set<String> DELEGATING = Set.of("with", "tap", "identity", "use");
    /** Builder properties scripts read by name: {@code latency.p95} inside {@code slo { }}. */
    private static final Set<String> BUILDER_PROPERTIES = Set.of("latency");
    /** The metrics an {@code abortWhen { }} closure reads (see AbortMetrics): names there, not elsewhere. */
    private static final Set<String> ABORT_METRICS = Set.of("errorRate", "failClosedShare", "throughput", "cpu", "memory", "latency");
    /** Left to the build, which explains where these words belong (see ChaosScript#propertyMissing). */
    private static final Set<String> COMPARISONS = Set.of("below", "within", "above");

    private final Vocabulary vocabulary;
    private final ScriptPositions positions;
    private final IncludeStatements includes;
    private final List<ScriptError> callErrors = new ArrayList<>();
    private final Set<String> reportedCalls = new HashSet<>();
    private final Set<String> scriptMethods = new HashSet<>();
    /** Functions of the files this one includes, at any depth: callable here as if declared here. */
    private final Set<String> includedFunctions = new HashSet<>();
    private final Set<String> bindingVariables = new HashSet<>();
    private final Set<String> scriptVariables = new HashSet<>();
    private final List<VariableExpression> dynamicNames = new ArrayList<>();
    /** Those of {@link #dynamicNames} written inside an {@code abortWhen} closure, where metrics are known too. */
    private final Set<VariableExpression> inAbortBlocks = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    UnknownNameCheck(Vocabulary vocabulary, ScriptPositions positions, IncludeStatements includes) {
        super(CompilePhase.CANONICALIZATION);
        this.vocabulary = vocabulary;
        this.positions = positions;
        this.includes = includes;
    }

    /** Calls of names nothing defines, found at compile time. */
    List<ScriptError> callErrors() {
        return callErrors;
    }

    /** Names of {@link #callErrors()}: the build must not stop at them again. */
    Set<String> reportedCalls() {
        return reportedCalls;
    }

    Set<String> scriptMethods() {
        return scriptMethods;
    }

    /** Variables the script assigns without declaring them ({@code greeting = { ... }}): they live in the binding, and files that include the script may read them. */
    Set<String> bindingVariables() {
        return bindingVariables;
    }

    /** Variables declared in the script body (its {@code run} method). */
    Set<String> scriptVariables() {
        return scriptVariables;
    }

    /** Names that are neither variables nor anything else the script knows, once the build is complete. */
    List<ScriptError> unknownNames(Collection<String> conditions) {
        List<ScriptError> errors = new ArrayList<>();
        for (VariableExpression name : dynamicNames) {
            String n = name.getName();
            if (conditions.contains(n) || vocabulary.word(n).isPresent() || bindingVariables.contains(n)) continue;
            java.util.Optional<String> metric = inAbortBlocks.contains(name)
                    ? dev.shakedown.engine.validate.Suggestions.closest(n, ABORT_METRICS) : java.util.Optional.empty();
            if (metric.isPresent()) {
                errors.add(new ScriptError(positions.at(name.getLineNumber(), name.getColumnNumber()),
                        "unknown metric '" + n + "'" + dev.shakedown.engine.validate.Suggestions.didYouMean(n, ABORT_METRICS)));
                continue;
            }
            errors.add(new ScriptError(positions.at(name.getLineNumber(), name.getColumnNumber()), unknownName(n, conditions)));
        }
        return errors;
    }

    /** What to say of a name read in this file that nothing here defines. */
    String unknownName(String name, Collection<String> conditions) {
        Optional<String> elsewhere = scriptVariables.contains(name) ? Optional.empty() : includes.localOf(name);
        return elsewhere.map(file -> "'" + name + "' is a local variable (def) of " + file + ", which the files including it"
                + " cannot see; drop the def there to share it").orElseGet(() -> vocabulary.unknownName(name, conditions, scriptVariables));
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return;
        classNode.getMethods().stream().map(MethodNode::getName).forEach(scriptMethods::add);
        if (!includes.complete()) return;
        includedFunctions.addAll(includes.functions());
        List<MethodCallExpression> unknownCalls = new ArrayList<>();
        new ClassCodeVisitorSupport() {
            private boolean inScriptBody;
            private int abortBlocks;

            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
                inScriptBody = node == classNode.getMethod("run", Parameter.EMPTY_ARRAY);
                super.visitConstructorOrMethod(node, isConstructor);
            }

            @Override
            public void visitDeclarationExpression(DeclarationExpression declaration) {
                if (inScriptBody && !declaration.isMultipleAssignmentDeclaration()) {
                    scriptVariables.add(declaration.getVariableExpression().getName());
                }
                super.visitDeclarationExpression(declaration);
            }

            @Override
            public void visitBinaryExpression(BinaryExpression assignment) {
                // `greeting = { ... }` without def stores a binding variable, readable and callable by name
                if (assignment.getOperation().getText().equals("=") && assignment.getLeftExpression() instanceof VariableExpression v
                        && v.getAccessedVariable() instanceof DynamicVariable) {
                    bindingVariables.add(v.getName());
                }
                super.visitBinaryExpression(assignment);
            }

            @Override
            public void visitVariableExpression(VariableExpression name) {
                if (name.getAccessedVariable() instanceof DynamicVariable && !GroovyNames.OWN_PROPERTIES.contains(name.getName())
                        && !BUILDER_PROPERTIES.contains(name.getName()) && !COMPARISONS.contains(name.getName())
                        && !(abortBlocks > 0 && ABORT_METRICS.contains(name.getName()))) {
                    dynamicNames.add(name);
                    if (abortBlocks > 0) inAbortBlocks.add(name);
                }
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                String name = call.getMethodAsString();
                if (call.isImplicitThis() && name != null && !isKnownCall(name)) unknownCalls.add(call);
                if ("abortWhen".equals(name) && call.isImplicitThis()) {
                    abortBlocks++;
                    try {
                        super.visitMethodCallExpression(call);
                    } finally {
                        abortBlocks--;
                    }
                    return;
                }
                if (checksClosuresOf(name)) {
                    super.visitMethodCallExpression(call);
                    return;
                }
                call.getObjectExpression().visit(this);
                for (Expression argument : arguments(call)) {
                    if (!(argument instanceof ClosureExpression)) argument.visit(this);
                }
            }
        }.visitClass(classNode);
        Set<String> variables = new HashSet<>(bindingVariables);
        variables.addAll(includes.variables());
        dynamicNames.removeIf(v -> variables.contains(v.getName()));
        for (MethodCallExpression call : unknownCalls) {
            String name = call.getMethodAsString();
            if (variables.contains(name)) continue;
            reportedCalls.add(name);
            callErrors.add(new ScriptError((call.getMethod().getLineNumber() > 0
                    ? positions.at(call.getMethod().getLineNumber(), call.getMethod().getColumnNumber())
                    : positions.at(call.getLineNumber(), call.getColumnNumber())),
                    vocabulary.unknownCall(name, knownFunctions())));
        }
    }

    private Set<String> knownFunctions() {
        Set<String> all = new HashSet<>(scriptMethods);
        all.addAll(includedFunctions);
        return all;
    }

    private boolean isKnownCall(String name) {
        return vocabulary.isCallable(name) || scriptMethods.contains(name) || includedFunctions.contains(name)
                || GroovyNames.OWN_METHODS.contains(name);
    }

    /** Closures given to DSL words, to the script's methods and to Groovy's iteration methods run with names we know. */
    private boolean checksClosuresOf(String name) {
        if (name == null) return false;
        if (Vocabulary.DSL_WORDS.contains(name) || scriptMethods.contains(name) || includedFunctions.contains(name)) return true;
        return GroovyNames.GROOVY_METHODS.contains(name) && !DELEGATING.contains(name) && !vocabulary.isCallable(name);
    }

    private static List<Expression> arguments(MethodCallExpression call) {
        return call.getArguments() instanceof TupleExpression tuple ? tuple.getExpressions() : List.of(call.getArguments());
    }
}
