package dev.shakedown.dsl;

import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/** Fills the {@link SourceIndex} with the names of calls, variables and properties, once the AST is final. */
final class SourceIndexer extends CompilationCustomizer {
    private final SourceIndex index;

    SourceIndexer(SourceIndex index) {
        super(CompilePhase.CANONICALIZATION);
        this.index = index;
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
                index.add(call.getMethodAsString(), call.getMethod(), call);
                super.visitMethodCallExpression(call);
            }

            @Override
            public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
                index.add(call.getMethod(), call, call);
                super.visitStaticMethodCallExpression(call);
            }

            @Override
            public void visitVariableExpression(VariableExpression variable) {
                index.add(variable.getName(), variable, variable);
                super.visitVariableExpression(variable);
            }

            @Override
            public void visitPropertyExpression(PropertyExpression property) {
                index.add(property.getPropertyAsString(), property.getProperty(), property);
                super.visitPropertyExpression(property);
            }
        }.visitClass(classNode);
    }
}
