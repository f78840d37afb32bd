package dev.shakedown.dsl;

import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * For the strict check's own compile only: a library word read as a value ({@code http}) becomes
 * {@code (Http) http}, so the type checker knows its type everywhere. Inside a condition, whose delegate is
 * the script, the checker would otherwise find the word through {@code Script.getProperty} and know
 * nothing of it, and {@code http.get(url).statuss} would pass unnoticed.
 */
final class StrictWordTypes extends CompilationCustomizer {
    private final Vocabulary vocabulary;
    private final Set<String> bindingVariables;

    /** @param bindingVariables names the script assigns itself ({@code http = ...}), which are no longer the word */
    StrictWordTypes(Vocabulary vocabulary, Set<String> bindingVariables) {
        super(CompilePhase.CANONICALIZATION);
        this.vocabulary = vocabulary;
        this.bindingVariables = bindingVariables;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeExpressionTransformer() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression expression) {
                if (expression instanceof ClosureExpression closure) {
                    closure.getCode().visit(this); // Groovy's transformer leaves closure bodies alone
                    return closure;
                }
                Optional<DslWord> word = expression instanceof VariableExpression v && v.getAccessedVariable() instanceof DynamicVariable
                        && !bindingVariables.contains(v.getName()) ? vocabulary.word(v.getName()) : Optional.empty();
                if (word.isEmpty()) return super.transform(expression);
                CastExpression typed = new CastExpression(ClassHelper.make(word.get().resultType()), expression);
                typed.setSourcePosition(expression);
                return typed;
            }
        }.visitClass(classNode);
    }
}
