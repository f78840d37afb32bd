package dev.shakedown.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.control.SourceUnit;

/**
 * The names a script declares, read from its code before it runs: its variables and parameters, anywhere
 * in it, and the conditions it names with a literal ({@code condition 'healthy', { ... }}).
 */
record DeclaredNames(Set<String> variables, Set<String> conditions) {
    static DeclaredNames of(SourceUnit source, ClassNode classNode) {
        Set<String> variables = new HashSet<>();
        Set<String> conditions = new HashSet<>();
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitDeclarationExpression(DeclarationExpression declaration) {
                if (declaration.isMultipleAssignmentDeclaration()) {
                    declaration.getTupleExpression().getExpressions().forEach(v -> variables.add(v.getText()));
                } else {
                    variables.add(declaration.getVariableExpression().getName());
                }
                super.visitDeclarationExpression(declaration);
            }

            @Override
            protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
                addAll(node.getParameters());
                super.visitConstructorOrMethod(node, isConstructor);
            }

            @Override
            public void visitClosureExpression(ClosureExpression closure) {
                addAll(closure.getParameters());
                super.visitClosureExpression(closure);
            }

            @Override
            public void visitForLoop(ForStatement loop) {
                variables.add(loop.getVariable().getName());
                super.visitForLoop(loop);
            }

            @Override
            public void visitCatchStatement(CatchStatement statement) {
                variables.add(statement.getVariable().getName());
                super.visitCatchStatement(statement);
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis() && "condition".equals(call.getMethodAsString()) && call.getArguments() instanceof TupleExpression tuple) {
                    List<Expression> args = tuple.getExpressions();
                    int name = !args.isEmpty() && args.get(0) instanceof MapExpression ? 1 : 0;
                    if (args.size() > name && args.get(name) instanceof ConstantExpression literal && literal.getValue() instanceof String text) {
                        conditions.add(text);
                    }
                }
                super.visitMethodCallExpression(call);
            }

            private void addAll(Parameter[] parameters) {
                if (parameters != null) for (Parameter p : parameters) variables.add(p.getName());
            }
        }.visitClass(classNode);
        return new DeclaredNames(Set.copyOf(variables), Set.copyOf(conditions));
    }
}
