package dev.shakedown.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * The DSL's only changes to Groovy's reading of a script, made right after parsing (CONVERSION) and only
 * where a node has exactly the shape described; everything else is left as Groovy wrote it. Each rewrite
 * keeps the source positions of the nodes it replaces, so errors still point at what the user wrote.
 *
 * <ol>
 *   <li><b>Scenario names.</b> {@code scenario 'crash' { ... }} is Groovy's command syntax for
 *       {@code scenario('crash'({ ... }))}, a call of a method named after the scenario. It becomes
 *       {@code scenario('crash', { ... })}, as Gradle does for {@code task crash { }}.</li>
 *   <li><b>Comparisons in {@code slo { }}.</b> {@code errorRate below 5.percent} parses as the property chain
 *       {@code errorRate(below).5.percent} (the number literal becomes a property name; a decimal such as
 *       {@code 0.5} is one property), and {@code latency.p95 below 500.ms} as {@code latency.p95(below).500.ms}.
 *       Inside {@code slo} closures, {@code X(op).<number or name>.<more names>} with op one of below, within,
 *       above becomes {@code X('op', <number or name>.<more names>)}: {@code errorRate('below', 5.percent)}.</li>
 *   <li><b>Bare {@code recover}.</b> A statement that is only the word {@code recover} reads a variable;
 *       it becomes the call {@code recover()}.</li>
 *   <li><b>Step words beat variables.</b> Groovy calls a local variable when a call has the variable's
 *       name, so after {@code def hold = param('hold', 30.s)} the step {@code hold 30.s} would call the
 *       Duration. Where the script declares a variable named like a step word, calls of that word get an
 *       explicit {@code this}, which reaches the script's step method and the open scenario.</li>
 *   <li><b>Abort conditions are named by what they say.</b> {@code abortWhen { errorRate > 50.percent }}
 *       without a name becomes {@code abortWhen('errorRate > 50.percent', { ... })}: the closure's own source
 *       text, so the plan and the evidence say which condition fired in the script's words.</li>
 * </ol>
 */
final class SyntaxRewrites extends CompilationCustomizer {
    private static final Set<String> STEP_WORDS = Set.of("steadyState", "inject", "expect", "hold", "recover");
    private static final Set<String> COMPARISONS = Set.of("below", "within", "above");

    SyntaxRewrites() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (classNode.isScript()) new Rewriter(source, shadowedStepWords(source, classNode)).visitClass(classNode);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final Set<String> shadowedStepWords;
        /** One entry per enclosing call; true for an {@code slo} call, whose closure gets rewrite 2. */
        private final Deque<Boolean> sloBlocks = new ArrayDeque<>();
        private boolean inStaticMethod;

        Rewriter(SourceUnit source, Set<String> shadowedStepWords) {
            this.source = source;
            this.shadowedStepWords = shadowedStepWords;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
            inStaticMethod = node.isStatic();
            super.visitConstructorOrMethod(node, isConstructor);
        }

        @Override
        public void visitExpressionStatement(ExpressionStatement statement) {
            if (statement.getExpression() instanceof VariableExpression v && v.getName().equals("recover")) {
                MethodCallExpression call = new MethodCallExpression(new VariableExpression("this"), "recover", new ArgumentListExpression());
                call.setImplicitThis(true);
                call.setSourcePosition(v);
                call.getMethod().setSourcePosition(v);
                statement.setExpression(call);
            }
            super.visitExpressionStatement(statement);
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof ClosureExpression closure) {
                // Groovy's transformer leaves closure bodies alone; scenario and slo blocks are closures.
                closure.getCode().visit(this);
                return closure;
            }
            if (Boolean.TRUE.equals(sloBlocks.peek()) && expression instanceof PropertyExpression chain) {
                Expression comparison = comparison(chain);
                if (comparison != null) return comparison;
            }
            if (!(expression instanceof MethodCallExpression)) return super.transform(expression);
            sloBlocks.push(isCall(expression, "slo"));
            try {
                MethodCallExpression call = (MethodCallExpression) super.transform(expression);
                nameScenario(call);
                nameAbort(call, source);
                if (call.isImplicitThis() && shadowedStepWords.contains(call.getMethodAsString()) && !inStaticMethod) {
                    call.setImplicitThis(false);
                }
                return call;
            } finally {
                sloBlocks.pop();
            }
        }

        /** Rewrite 1: {@code scenario(crash({ ... }))} becomes {@code scenario('crash', { ... })}. */
        private static void nameScenario(MethodCallExpression call) {
            if (!isCall(call, "scenario") || arguments(call).size() != 1) return;
            if (!(arguments(call).get(0) instanceof MethodCallExpression named) || !named.isImplicitThis()) return;
            List<Expression> block = arguments(named);
            if (block.size() != 1 || !(block.get(0) instanceof ClosureExpression)) return;
            Expression name = named.getMethod() instanceof GStringExpression gstring ? gstring : new ConstantExpression(named.getMethodAsString());
            name.setSourcePosition(named.getMethod());
            ArgumentListExpression nameAndBlock = new ArgumentListExpression(name, block.get(0));
            nameAndBlock.setSourcePosition(named);
            call.setArguments(nameAndBlock);
        }

        /** Rewrite 5: {@code abortWhen({ e })} and {@code abortWhen(every: d, { e })} get the name {@code 'e'}. */
        private static void nameAbort(MethodCallExpression call, SourceUnit source) {
            if (!isCall(call, "abortWhen")) return;
            List<Expression> args = arguments(call);
            int named = !args.isEmpty() && args.get(0) instanceof MapExpression ? 1 : 0;
            if (args.size() != named + 1 || !(args.get(named) instanceof ClosureExpression closure)) return;
            String text = sourceText(source, closure);
            if (text == null || text.isEmpty()) return;
            ConstantExpression name = new ConstantExpression(text);
            name.setSourcePosition(closure);
            List<Expression> withName = new java.util.ArrayList<>(args);
            withName.add(named, name);
            ArgumentListExpression replaced = new ArgumentListExpression(withName);
            replaced.setSourcePosition(call.getArguments());
            call.setArguments(replaced);
        }

        /** What is written between a closure's braces, on one line; null when the source cannot be read. */
        private static String sourceText(SourceUnit source, ClosureExpression closure) {
            int first = closure.getLineNumber(), last = closure.getLastLineNumber();
            if (first <= 0 || last < first || closure.getColumnNumber() <= 0 || closure.getLastColumnNumber() <= 0) return null;
            StringBuilder text = new StringBuilder();
            org.codehaus.groovy.control.Janitor janitor = new org.codehaus.groovy.control.Janitor();
            try {
                for (int line = first; line <= last; line++) {
                    String l = source.getSource().getLine(line, janitor);
                    if (l == null) return null;
                    int from = line == first ? Math.min(l.length(), closure.getColumnNumber() - 1) : 0;
                    int to = line == last ? Math.min(l.length(), closure.getLastColumnNumber() - 1) : l.length();
                    text.append(l, from, Math.max(from, to)).append(' ');
                }
            } finally {
                janitor.cleanup();
            }
            String body = text.toString().trim();
            if (body.startsWith("{")) body = body.substring(1);
            if (body.endsWith("}")) body = body.substring(0, body.length() - 1);
            return body.replaceAll("\\s+", " ").trim();
        }

        /** Rewrite 2: {@code X(op).5.percent} becomes {@code X('op', 5.percent)}; null if not that shape. */
        private static Expression comparison(PropertyExpression outer) {
            Deque<PropertyExpression> chain = new ArrayDeque<>();
            Expression base = outer;
            while (base instanceof PropertyExpression p && !p.isSafe() && !p.isSpreadSafe()) {
                chain.push(p);
                base = p.getObjectExpression();
            }
            if (!(base instanceof MethodCallExpression objective) || objective.getMethodAsString() == null) return null;
            List<Expression> args = arguments(objective);
            if (args.size() != 1 || !(args.get(0) instanceof VariableExpression op) || !COMPARISONS.contains(op.getName())) return null;
            if (!(chain.pop().getProperty() instanceof ConstantExpression first)) return null;
            Expression limit = first.getValue() instanceof Number ? new ConstantExpression(first.getValue()) : new VariableExpression(first.getText());
            limit.setSourcePosition(first);
            for (PropertyExpression next : chain) {
                Expression start = limit;
                limit = new PropertyExpression(limit, next.getProperty());
                limit.setSourcePosition(start);
                limit.setLastLineNumber(next.getLastLineNumber());
                limit.setLastColumnNumber(next.getLastColumnNumber());
            }
            ConstantExpression opWord = new ConstantExpression(op.getName());
            opWord.setSourcePosition(op);
            MethodCallExpression call = new MethodCallExpression(objective.getObjectExpression(), objective.getMethod(), new ArgumentListExpression(opWord, limit));
            call.setImplicitThis(objective.isImplicitThis());
            // Not setSourcePosition(outer): from a property expression it would also move the method name to the unit's position.
            call.setSourcePosition(objective);
            call.setLastLineNumber(outer.getLastLineNumber());
            call.setLastColumnNumber(outer.getLastColumnNumber());
            return call;
        }
    }

    private static boolean isCall(Expression expression, String name) {
        return expression instanceof MethodCallExpression call && call.isImplicitThis() && name.equals(call.getMethodAsString());
    }

    private static List<Expression> arguments(MethodCallExpression call) {
        return call.getArguments() instanceof TupleExpression tuple ? tuple.getExpressions() : List.of();
    }

    /** Step words the script also declares as variables or parameters (rewrite 4). */
    private static Set<String> shadowedStepWords(SourceUnit source, ClassNode classNode) {
        Set<String> declared = new HashSet<>(DeclaredNames.of(source, classNode).variables());
        declared.retainAll(STEP_WORDS);
        return declared;
    }
}
