package dev.shakedown.dsl;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.ArgumentType;
import dev.shakedown.engine.validate.Suggestions;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCall;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.transform.stc.AbstractTypeCheckingExtension;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;

/**
 * Teaches Groovy's static type checker the DSL's dynamic parts, for {@code plan --strict}: what the library
 * words give ({@code http} is an {@code Http}, so {@code http.get(url).status} is an int), that faults are
 * fault specs and take the arguments their injector declares, that resources are declared by calling their
 * kind. Unknown names are left to {@link UnknownNameCheck}, which reports them in every mode; names the
 * checker cannot know (conditions, binding variables, a value typed only as {@code Object}) stay dynamic,
 * so that what is reported is certainly wrong. What is reported reads like the rest of the DSL's messages.
 */
final class StrictTypes extends AbstractTypeCheckingExtension {
    private static final ClassNode FAULT = ClassHelper.make(FaultSpec.class);
    private static final ClassNode RESOURCE = ClassHelper.make(ResourceSpec.class);

    private final Vocabulary vocabulary;
    private final UnknownNameCheck names;
    private final DeclaredNames declared;
    private final List<StrictCheck.Suspect> suspects;
    /** The blocks given to library words, with their delegates. */
    private final Map<Expression, ClassNode> wordBlocks = new IdentityHashMap<>();

    /** @param suspects receives the names reported as misspelt variables, which the build may yet declare as conditions */
    StrictTypes(StaticTypeCheckingVisitor visitor, Vocabulary vocabulary, UnknownNameCheck names, DeclaredNames declared,
                List<StrictCheck.Suspect> suspects) {
        super(visitor);
        this.vocabulary = vocabulary;
        this.names = names;
        this.declared = declared;
        this.suspects = suspects;
    }

    /**
     * A name that is no variable: a library word (typed by {@link StrictWordTypes}), a condition, a binding
     * variable, or a misspelt variable.
     */
    @Override
    public boolean handleUnresolvedVariableExpression(VariableExpression variable) {
        String name = variable.getName();
        if (vocabulary.word(name).isEmpty() && !names.bindingVariables().contains(name)) {
            Set<String> known = new LinkedHashSet<>(declared.variables());
            known.addAll(declared.conditions());
            Suggestions.closest(name, known).filter(declared.variables()::contains).filter(v -> !declared.conditions().contains(v)).ifPresent(meant -> {
                suspects.add(new StrictCheck.Suspect(name, variable.getLineNumber(), variable.getColumnNumber()));
                addStaticTypeError("unknown variable '" + name + "', did you mean '" + meant + "'?", variable);
            });
        }
        makeDynamic(variable);
        return true;
    }

    /** {@code sut.gatway}: a property the value's type does not have. */
    @Override
    public boolean handleUnresolvedProperty(PropertyExpression property) {
        ClassNode receiver = getType(property.getObjectExpression());
        String name = property.getPropertyAsString();
        if (name != null && StrictMembers.isStatic(receiver)) {
            addStaticTypeError(StrictMembers.name(receiver) + " has no property '" + name + "'"
                    + Suggestions.didYouMean(name, StrictMembers.properties(receiver)), property.getProperty());
        }
        makeDynamic(property);
        return true;
    }

    @Override
    public List<MethodNode> handleMissingMethod(ClassNode receiver, String name, ArgumentListExpression arguments, ClassNode[] types, MethodCall call) {
        if (!(call instanceof MethodCallExpression method)) return List.of();
        if (method.isImplicitThis()) return List.of(wordCall(name, arguments, types, method));
        if (StrictMembers.isStatic(receiver)) {
            Optional<Class<?>> type = StrictMembers.javaClass(receiver);
            String message = type.isPresent()
                    ? FailureMessages.missingMethod(vocabulary, names.scriptMethods(), type.get(), name, typeNames(types))
                    : StrictMembers.name(receiver) + " has no method " + name + "(" + String.join(", ", typeNames(types)) + ")";
            boolean dsl = type.filter(FailureMessages::isDsl).isPresent();
            addStaticTypeError(message + (dsl ? "" : Suggestions.didYouMean(name, StrictMembers.methods(receiver))), method.getMethod());
        }
        return List.of(makeDynamic(call));
    }

    /**
     * A call without a receiver that the script class does not declare: a fault, a library word, a resource,
     * or a DSL word with arguments it cannot take. Unknown names are {@link UnknownNameCheck}'s to report.
     */
    private MethodNode wordCall(String name, ArgumentListExpression arguments, ClassNode[] types, MethodCallExpression call) {
        if (vocabulary.isFault(name)) {
            checkFaultArguments(name, arguments.getExpressions(), types);
            return makeDynamic(call, FAULT);
        }
        Optional<DslWord> word = vocabulary.word(name);
        if (word.isPresent()) return word.get().blockDelegate().map(d -> withBlock(word.get(), d, arguments, types))
                .orElseGet(() -> makeDynamic(call, ClassHelper.make(word.get().resultType())));
        if (vocabulary.isResourceKind(name)) return makeDynamic(call, RESOURCE);
        Optional<ClassNode> delegate = blockDelegate();
        // a method of the script the checker sees: one that only the usual compile knows (from elsewhere) stays dynamic
        boolean scriptMethod = names.scriptMethods().contains(name) && !getEnclosingClassNode().getMethods(name).isEmpty();
        if (delegate.map(d -> StrictMembers.methods(d).contains(name)).orElse(false) || Vocabulary.DSL_WORDS.contains(name) || scriptMethod) {
            addStaticTypeError(Vocabulary.wrongArguments(name, typeNames(types)), call.getMethod());
        } else if (delegate.isPresent() && !names.reportedCalls().contains(name) && !names.bindingVariables().contains(name)) {
            // in a block UnknownNameCheck leaves alone (dns { record ... }): its delegate is known here
            addStaticTypeError("unknown word '" + name + "'" + Suggestions.didYouMean(name, StrictMembers.methods(delegate.get())), call.getMethod());
        }
        return makeDynamic(call);
    }

    /** The delegate of the closure being checked when it is a library word's block: {@code DnsBlock} inside {@code dns { }}. */
    private Optional<ClassNode> blockDelegate() {
        return Optional.ofNullable(getEnclosingClosure()).map(c -> wordBlocks.get(c.getClosureExpression()));
    }

    /**
     * A library word that takes a block ({@code dns { record ... }}): a method whose closure parameters name
     * the word's delegate, so that the checker checks the block against it, as {@code @DelegatesTo} would.
     */
    private MethodNode withBlock(DslWord word, Class<?> delegate, ArgumentListExpression arguments, ClassNode[] types) {
        Parameter[] parameters = new Parameter[types.length];
        for (int i = 0; i < types.length; i++) {
            boolean block = arguments.getExpression(i) instanceof ClosureExpression;
            parameters[i] = new Parameter(block ? ClassHelper.CLOSURE_TYPE.getPlainNodeReference() : ClassHelper.OBJECT_TYPE, "argument" + i);
            if (block) {
                wordBlocks.put(arguments.getExpression(i), ClassHelper.make(delegate));
                AnnotationNode delegatesTo = new AnnotationNode(ClassHelper.make(DelegatesTo.class));
                delegatesTo.addMember("value", new ClassExpression(ClassHelper.make(delegate)));
                delegatesTo.addMember("strategy", new ConstantExpression(Closure.DELEGATE_FIRST));
                parameters[i].addAnnotation(delegatesTo);
            }
        }
        MethodNode method = newMethod(word.name(), ClassHelper.make(word.resultType()));
        method.setParameters(parameters);
        return method;
    }

    /** {@code kill(42)}, {@code latency('db', 'abc')}: arguments that the fault's injector declares otherwise. */
    private void checkFaultArguments(String fault, List<Expression> arguments, ClassNode[] types) {
        List<ArgumentType> declaredTypes = vocabulary.faultArguments(fault);
        int first = !arguments.isEmpty() && arguments.get(0) instanceof MapExpression ? 1 : 0; // named arguments come first
        for (int i = 0; i < declaredTypes.size() && first + i < arguments.size(); i++) {
            ArgumentType expected = declaredTypes.get(i);
            Expression argument = arguments.get(first + i);
            String position = declaredTypes.size() > 1 ? " as argument " + (i + 1) : "";
            Optional<Class<?>> given = StrictMembers.javaClass(types[first + i]).map(StrictMembers::boxed);
            if (given.isPresent() && !expected.mayAccept(given.get())) {
                addStaticTypeError(fault + " needs " + expected.what() + position + ", not " + shown(argument, given.get()), argument);
            } else if (argument instanceof ConstantExpression literal && literal.getValue() instanceof String text
                    && expected.accepted().contains(Duration.class) && !isDuration(text)) {
                addStaticTypeError(fault + " needs " + expected.what() + position + ", not '" + text + "' (not a duration)", argument);
            }
        }
    }

    /** A text the fault will read as a duration: {@code '200ms'}, {@code '-5s'}. */
    private static boolean isDuration(String text) {
        String unsigned = text.strip().replaceFirst("^[+-]", "");
        try {
            Durations.parse(unsigned);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code 42 (Integer)} for a literal, {@code a Duration} for anything else. */
    private static String shown(Expression argument, Class<?> type) {
        if (argument instanceof ConstantExpression literal && literal.getValue() != null) return literal.getText() + " (" + type.getSimpleName() + ")";
        return "a " + type.getSimpleName();
    }

    private static List<String> typeNames(ClassNode[] types) {
        List<String> names = new ArrayList<>();
        Arrays.stream(types).map(t -> t == null ? "null" : StrictMembers.name(t)).forEach(names::add);
        return names;
    }
}
