package dev.shakedown.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * {@code --restricted}: a guard rail for scripts shared between teams. A script may use the DSL, Groovy's
 * own language and plain values; it may not import beyond {@link #IMPORTABLE}, reach the JVM, other
 * programs, threads, files or the network, load code or use reflection. This is a lint that makes a
 * reviewer's job easier, not a security boundary: Groovy has more ways to reach the same things than any
 * list can name, and a script is code, to be reviewed and pinned like any other.
 *
 * <p>Groovy's {@link SecureASTCustomizer} walks every expression of the script; its expression checker
 * here only records what it finds, so that every violation is reported with its position in one compile,
 * instead of the customizer stopping at the first without one.
 */
final class RestrictedMode extends SecureASTCustomizer {
    /** Packages a restricted script may import from: values and arithmetic, nothing with effects. */
    private static final List<String> IMPORTABLE = List.of("java.time.", "java.math.");

    /** Classes and packages (ending in a dot) a restricted script may not use, with what they would reach. */
    private static final Map<String, String> DENIED_TYPES = new LinkedHashMap<>();
    /** Methods a restricted script may not call on anything, with what they would reach. */
    private static final Map<String, String> DENIED_METHODS = new LinkedHashMap<>();
    /** {@code x.class}, {@code x.metaClass}: the ways from any value into reflection. */
    private static final Set<String> DENIED_PROPERTIES = Set.of("class", "classLoader", "metaClass", "declaredMethods", "declaredFields");

    static {
        deny(DENIED_TYPES, "the JVM itself", "java.lang.System", "java.lang.Runtime");
        deny(DENIED_TYPES, "other programs", "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle");
        deny(DENIED_TYPES, "threads of its own", "java.lang.Thread", "java.lang.ThreadGroup", "java.util.concurrent.");
        deny(DENIED_TYPES, "files", "java.io.", "java.nio.");
        deny(DENIED_TYPES, "the network", "java.net.");
        deny(DENIED_TYPES, "code loading or reflection", "java.lang.Class", "java.lang.ClassLoader", "java.lang.reflect.", "java.lang.invoke.",
                "javax.script.", "groovy.lang.GroovyShell", "groovy.lang.GroovyClassLoader", "groovy.util.Eval", "org.codehaus.groovy.", "sun.", "jdk.");
        deny(DENIED_METHODS, "the JVM itself", "exit", "halt", "addShutdownHook", "getRuntime");
        deny(DENIED_METHODS, "other programs", "execute", "exec");
        deny(DENIED_METHODS, "code the review did not see", "evaluate");
        deny(DENIED_METHODS, "the network", "toURL");
        deny(DENIED_METHODS, "reflection", "forName", "getClass", "getClassLoader", "loadClass", "defineClass", "newInstance",
                "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor",
                "getMethod", "getField", "setAccessible", "invokeMethod", "getMetaClass", "setMetaClass");
    }

    private final List<SyntaxException> violations = new ArrayList<>();
    /** Parts of calls that end the JVM: each such call is reported once, as {@link EngineExitCheck} says it. */
    private final Set<Expression> exitCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> reported = new LinkedHashSet<>();

    RestrictedMode() {
        addExpressionCheckers(expression -> {
            check(expression);
            return true; // recorded, not thrown: the walk goes on and finds the rest
        });
    }

    private static void deny(Map<String, String> list, String reaches, String... names) {
        for (String name : names) list.put(name, reaches);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        checkImports(source.getAST());
        super.call(source, context, classNode);
        violations.forEach(source::addError);
        violations.clear();
    }

    private void checkImports(ModuleNode module) {
        List<ImportNode> imports = new ArrayList<>(module.getImports());
        imports.addAll(module.getStaticImports().values());
        imports.addAll(module.getStarImports());
        imports.addAll(module.getStaticStarImports().values());
        for (ImportNode node : imports) {
            String name = node.getClassName() != null ? node.getClassName() : node.getPackageName();
            if (IMPORTABLE.stream().noneMatch(name::startsWith)) {
                refuse(node, "import " + node.getText().replaceFirst("^import ", "").trim() + " is not allowed in restricted mode"
                        + " (a restricted script imports only from java.time and java.math)");
            }
        }
    }

    private void check(Expression expression) {
        if (exitCalls.contains(expression)) return;
        Optional<String> exit = EngineExitCheck.refusal(expression);
        if (exit.isPresent()) {
            for (Expression part = expression; part != null; part = receiver(part)) exitCalls.add(part);
            refuse(expression, exit.get());
        } else if (expression instanceof MethodCallExpression call) {
            method(call.getMethod(), call);
        } else if (expression instanceof StaticMethodCallExpression call) {
            type(call.getOwnerType(), call);
            method(new ConstantExpression(call.getMethod()), call);
        } else if (expression instanceof MethodPointerExpression pointer) {
            method(pointer.getMethodName(), pointer);
        } else if (expression instanceof PropertyExpression property) {
            String name = property.getPropertyAsString();
            if (name == null) refuse(property, "a property named by a computed text is not allowed in restricted mode (it cannot be checked)");
            else if (DENIED_PROPERTIES.contains(name)) refuse(property.getProperty(), "." + name + " is not allowed in restricted mode: it leads to reflection");
        } else if (expression instanceof ClassExpression || expression instanceof ConstructorCallExpression || expression instanceof CastExpression) {
            type(expression.getType(), expression);
        } else if (expression instanceof DeclarationExpression declaration && !declaration.isMultipleAssignmentDeclaration()) {
            type(declaration.getVariableExpression().getOriginType(), declaration.getVariableExpression());
        }
    }

    private static Expression receiver(Expression expression) {
        if (expression instanceof MethodCallExpression call) return call.getObjectExpression();
        if (expression instanceof PropertyExpression property) return property.getObjectExpression();
        if (expression instanceof MethodPointerExpression pointer) return pointer.getExpression();
        return null;
    }

    private void method(Expression name, Expression where) {
        if (!(name instanceof ConstantExpression constant) || !(constant.getValue() instanceof String text)) {
            refuse(where, "a method named by a computed text is not allowed in restricted mode (it cannot be checked)");
        } else if (DENIED_METHODS.containsKey(text)) {
            refuse(name.getLineNumber() > 0 ? name : where, text + "() is not allowed in restricted mode: it reaches " + DENIED_METHODS.get(text));
        }
    }

    private void type(ClassNode type, ASTNode where) {
        deniedReach(type.getName()).ifPresent(reaches ->
                refuse(where, type.getNameWithoutPackage() + " is not allowed in restricted mode: it reaches " + reaches));
    }

    private static Optional<String> deniedReach(String className) {
        return DENIED_TYPES.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".") ? className.startsWith(e.getKey())
                        : className.equals(e.getKey()) || className.startsWith(e.getKey() + "$"))
                .map(Map.Entry::getValue).findFirst();
    }

    private void refuse(ASTNode where, String message) {
        // the customizer walks the script once per class the file declares: each place is reported once
        if (reported.add(where.getLineNumber() + ":" + where.getColumnNumber() + ":" + message)) {
            violations.add(new SyntaxException(message, where.getLineNumber(), where.getColumnNumber()));
        }
    }
}
