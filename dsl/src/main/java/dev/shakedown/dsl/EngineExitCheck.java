package dev.shakedown.dsl;

import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Refuses, in every mode, a script that would end the JVM: {@code System.exit(...)},
 * {@code Runtime.getRuntime().exit(...)} or {@code .halt(...)}, also as a method pointer or through a static
 * import. Run while the plan is built or inside a condition, such a call would end Shakedown before it
 * rolls its faults back and writes the evidence. The check reads the code as written, so a call reached
 * dynamically ({@code def r = Runtime.runtime; r.halt(1)}, reflection) passes it: that is what
 * {@code --restricted} is for, which refuses the JVM's classes and reflection altogether.
 */
final class EngineExitCheck extends CompilationCustomizer {
    private static final Set<String> ENDING = Set.of("exit", "halt");

    EngineExitCheck() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                refuse(source, call);
                super.visitMethodCallExpression(call);
            }

            @Override
            public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
                refuse(source, call);
                super.visitStaticMethodCallExpression(call);
            }

            @Override
            public void visitMethodPointerExpression(MethodPointerExpression pointer) {
                refuse(source, pointer);
                super.visitMethodPointerExpression(pointer);
            }
        }.visitClass(classNode);
    }

    private static void refuse(SourceUnit source, Expression expression) {
        refusal(expression).ifPresent(message -> source.addError(new SyntaxException(message, expression.getLineNumber(), expression.getColumnNumber())));
    }

    /** Why {@code expression} is refused, when it is a call of, or a pointer to, a method that ends the JVM. */
    static Optional<String> refusal(Expression expression) {
        if (!endsEngine(expression)) return Optional.empty();
        String what = expression instanceof MethodCallExpression call ? shown(call.getObjectExpression()) + "." + call.getMethodAsString()
                : expression instanceof StaticMethodCallExpression call ? call.getOwnerType().getNameWithoutPackage() + "." + call.getMethod()
                : shown(((MethodPointerExpression) expression).getExpression()) + ".&" + ((MethodPointerExpression) expression).getMethodName().getText();
        return Optional.of("a script may not end the engine: " + what + " would stop Shakedown before it rolls back its faults"
                + " and writes the evidence; to stop the build with a reason, use assert (assert ready : 'why')");
    }

    private static boolean endsEngine(Expression expression) {
        if (expression instanceof MethodCallExpression call) return ends(call.getMethodAsString()) && isJvm(call.getObjectExpression());
        if (expression instanceof StaticMethodCallExpression call) return ends(call.getMethod()) && isJvmClass(call.getOwnerType());
        if (expression instanceof MethodPointerExpression pointer) return ends(pointer.getMethodName().getText()) && isJvm(pointer.getExpression());
        return false;
    }

    /** @param method null when the script computes the name ({@code System."$name"(1)}): that is missed, as above */
    private static boolean ends(String method) {
        return method != null && ENDING.contains(method);
    }

    /** {@code System}, {@code Runtime}, {@code Runtime.getRuntime()} or {@code Runtime.runtime}. */
    private static boolean isJvm(Expression receiver) {
        if (receiver instanceof ClassExpression type) return isJvmClass(type.getType());
        if (receiver instanceof MethodCallExpression call) return "getRuntime".equals(call.getMethodAsString()) && isJvm(call.getObjectExpression());
        if (receiver instanceof PropertyExpression property) return "runtime".equals(property.getPropertyAsString()) && isJvm(property.getObjectExpression());
        return false;
    }

    /** The receiver as the script wrote it, without packages: {@code Runtime.getRuntime()}. */
    private static String shown(Expression receiver) {
        if (receiver instanceof ClassExpression type) return type.getType().getNameWithoutPackage();
        if (receiver instanceof MethodCallExpression call) return shown(call.getObjectExpression()) + "." + call.getMethodAsString() + "()";
        if (receiver instanceof PropertyExpression property) return shown(property.getObjectExpression()) + "." + property.getPropertyAsString();
        return receiver.getText();
    }

    private static boolean isJvmClass(ClassNode type) {
        return type.getName().equals(System.class.getName()) || type.getName().equals(Runtime.class.getName());
    }

}
