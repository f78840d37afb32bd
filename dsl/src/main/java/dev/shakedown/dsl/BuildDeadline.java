package dev.shakedown.dsl;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.VariableScope;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.LoopingStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Bounds the time a script may take to build its plan. Every loop body, method and closure of the script
 * starts with a call to {@link #check()}, which throws {@link Expired} once the deadline of the build
 * running on this thread has passed; an endless {@code while (true) {}} therefore stops at its own line.
 * The deadline is per thread and only set while the plan is built: closures the engine calls later, during
 * a run, pass the check at no cost.
 */
public final class BuildDeadline extends CompilationCustomizer {
    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    BuildDeadline() {
        super(CompilePhase.INSTRUCTION_SELECTION);
    }

    /** Called by compiled scripts; not for other code. */
    public static void check() {
        long[] deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline[0] > 0) throw new Expired();
    }

    static void start(long timeoutNanos) {
        DEADLINE.set(new long[] {System.nanoTime() + timeoutNanos});
    }

    static void clear() {
        DEADLINE.remove();
    }

    /** The build ran past its deadline; its stack trace says where the script was. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("the build ran past its deadline", null, false, true);
        }
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitMethod(MethodNode node) {
                super.visitMethod(node);
                if (!node.isAbstract() && node.getCode() != null && !node.isSynthetic()) node.setCode(guarded(node.getCode(), node));
            }

            @Override
            public void visitClosureExpression(ClosureExpression closure) {
                super.visitClosureExpression(closure);
                if (closure.getCode() instanceof BlockStatement block) block.getStatements().add(0, checkAt(closure));
            }

            @Override
            public void visitWhileLoop(WhileStatement loop) {
                super.visitWhileLoop(loop);
                guard(loop, loop);
            }

            @Override
            public void visitDoWhileLoop(DoWhileStatement loop) {
                super.visitDoWhileLoop(loop);
                guard(loop, loop);
            }

            @Override
            public void visitForLoop(ForStatement loop) {
                super.visitForLoop(loop);
                guard(loop, loop);
            }
        }.visitClass(classNode);
    }

    private static void guard(LoopingStatement loop, ASTNode where) {
        loop.setLoopBlock(guarded(loop.getLoopBlock(), where));
    }

    private static Statement guarded(Statement body, ASTNode where) {
        if (body instanceof BlockStatement block) {
            block.getStatements().add(0, checkAt(where));
            return block;
        }
        List<Statement> statements = new ArrayList<>();
        statements.add(checkAt(where));
        statements.add(body);
        BlockStatement block = new BlockStatement(statements, new VariableScope());
        block.setSourcePosition(body);
        return block;
    }

    private static Statement checkAt(ASTNode where) {
        StaticMethodCallExpression call = new StaticMethodCallExpression(
                ClassHelper.make(BuildDeadline.class), "check", ArgumentListExpression.EMPTY_ARGUMENTS);
        call.setSourcePosition(where);
        ExpressionStatement statement = new ExpressionStatement(call);
        statement.setSourcePosition(where);
        return statement;
    }
}
