package dev.shakedown.dsl;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Resolves and compiles the files a script includes while the script itself compiles, right after parsing,
 * so that the static check of the including file knows the functions and variables they share, and a missing
 * file, a cycle or a path that is not a literal is a compile error at the include. An {@code include} is a
 * statement of the script body: one inside a block, a method or a closure is refused, since it could not be
 * resolved before the script runs. At run time {@link ChaosScript#include} runs the compiled file where the
 * statement stands.
 */
final class IncludeStatements extends CompilationCustomizer {
    static final String WORD = "include";

    private final ScriptSource file;
    private final ScriptPositions positions;
    private final ScriptFiles files;
    private final Map<String, CompiledFile> included = new LinkedHashMap<>();
    private boolean complete = true;

    IncludeStatements(ScriptSource file, ScriptPositions positions, ScriptFiles files) {
        super(CompilePhase.CONVERSION);
        this.file = file;
        this.positions = positions;
        this.files = files;
    }

    /** The files this one includes, by the path as written, in the order written. */
    Map<String, CompiledFile> included() {
        return Collections.unmodifiableMap(included);
    }

    /** Whether every included file compiled; if not, names this file uses may be declared in the broken one. */
    boolean complete() {
        return complete;
    }

    /** The functions this file may call because it includes them. */
    Set<String> functions() {
        Set<String> all = new HashSet<>();
        included.values().forEach(f -> all.addAll(f.sharedFunctions()));
        return all;
    }

    /** The binding variables the included files set, which this file may read. */
    Set<String> variables() {
        Set<String> all = new HashSet<>();
        included.values().forEach(f -> all.addAll(f.sharedVariables()));
        return all;
    }

    /** The included file, at any depth, whose body declares {@code name} with {@code def}: a local the includer cannot see. */
    Optional<String> localOf(String name) {
        return included.values().stream().map(f -> f.localVariables().get(name)).filter(Objects::nonNull).findFirst();
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return;
        MethodNode body = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        Set<MethodCallExpression> statements = Collections.newSetFromMap(new IdentityHashMap<>());
        if (body != null && body.getCode() instanceof BlockStatement block) {
            for (Statement statement : block.getStatements()) {
                if (statement instanceof ExpressionStatement e && e.getExpression() instanceof MethodCallExpression call && isInclude(call)) {
                    statements.add(call);
                    include(source, call);
                }
            }
        }
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (isInclude(call) && !statements.contains(call)) {
                    error(source, call, "include stands on its own at the top level of a script, outside any block, method or closure:"
                            + " the file is included when the script compiles");
                }
                super.visitMethodCallExpression(call);
            }
        }.visitClass(classNode);
    }

    private void include(SourceUnit source, MethodCallExpression call) {
        List<Expression> arguments = call.getArguments() instanceof TupleExpression t ? t.getExpressions() : List.of(call.getArguments());
        if (arguments.size() != 1) {
            error(source, call, "include takes one path: include 'lib/common.chaos.groovy' or include 'stdlib:demo'");
            return;
        }
        Expression argument = arguments.get(0);
        if (!(argument instanceof ConstantExpression constant && constant.getValue() instanceof String path)) {
            error(source, argument, "include needs a literal path in quotes ('lib/common.chaos.groovy'), not "
                    + (argument instanceof GStringExpression ? "a text with ${...}" : argument instanceof VariableExpression ? "a variable" : "an expression")
                    + ": the file is found when the script compiles, before any variable has a value");
            return;
        }
        try {
            Optional<CompiledFile> compiled = files.include(file, positions.at(call.getLineNumber(), call.getColumnNumber()), path);
            compiled.ifPresent(f -> included.putIfAbsent(path, f));
            if (compiled.isEmpty()) complete = false;
        } catch (IncludeResolver.Unresolved e) {
            error(source, argument, e.getMessage());
        }
    }

    private static boolean isInclude(MethodCallExpression call) {
        return WORD.equals(call.getMethodAsString())
                && (call.isImplicitThis() || call.getObjectExpression() instanceof VariableExpression v && v.isThisExpression());
    }

    private static void error(SourceUnit source, ASTNode at, String message) {
        source.addError(new SyntaxException(message, at.getLineNumber(), at.getColumnNumber()));
    }
}
