package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;
import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Says what went wrong as {@code file:line:col: message}, in the script's own terms. For a failure while
 * the plan is built, the line comes from the script's stack frames and the column from the name the
 * failure is about; Groovy's exception texts ("No signature of method ...") are replaced by what they mean
 * for the script. No stack trace text reaches the user.
 */
final class FailureMessages {
    private static final List<Class<?>> DSL_RECEIVERS = List.of(
            ChaosScript.class, ScenarioBuilder.class, ExpectClause.class, SloBuilder.class, SloBuilder.Latency.class, Closure.class);

    private final ScriptPositions positions;
    private final PlanBuilder plan;

    FailureMessages(ScriptPositions positions, PlanBuilder plan) {
        this.positions = positions;
        this.plan = plan;
    }

    /** Groovy's own compile errors (syntax, unresolved classes), one per error, without Groovy's framing. */
    static List<ScriptError> compileErrors(MultipleCompilationErrorsException failure, ScriptPositions positions) {
        List<ScriptError> errors = new ArrayList<>();
        for (Message message : failure.getErrorCollector().getErrors()) {
            if (message instanceof SyntaxErrorMessage syntax) {
                SyntaxException e = syntax.getCause();
                errors.add(new ScriptError(positions.at(e.getLine(), e.getStartColumn()), syntax(e.getOriginalMessage().strip())));
            } else if (message instanceof ExceptionMessage exception) {
                // Groovy's parser itself crashed (it does on some malformed input, e.g. param(''size, 1)): it gives no place
                errors.add(new ScriptError(positions.wholeFile(), "the Groovy parser failed on this script without saying where ("
                        + text(exception.getCause()) + "); look for a stray quote or a token out of place"));
            } else if (message instanceof SimpleMessage simple) {
                errors.add(new ScriptError(positions.wholeFile(), simple.getMessage()));
            }
        }
        return errors;
    }

    /**
     * The parser quotes the input it could not take; at the end of the file that is {@code <EOF>}, and after
     * a stray brace it can be the rest of the script: say the first, shorten the second to its first line.
     */
    static String syntax(String message) {
        String prefix = "Unexpected input: '";
        if (!message.startsWith(prefix) || !message.endsWith("'")) return message;
        String input = message.substring(prefix.length(), message.length() - 1);
        if (input.equals("<EOF>")) return "the script ends in the middle of a statement: is a brace, parenthesis or string left open?";
        int newline = input.indexOf("\\n");
        if (newline < 0) newline = input.indexOf('\n');
        if (newline >= 0 || input.length() > 40) {
            String first = input.substring(0, newline >= 0 ? Math.min(newline, 40) : 40);
            return prefix + first + "...'";
        }
        return message;
    }

    /** A failure that stopped the build. */
    ScriptError describe(Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof DslException dsl) {
            SourceRef where = dsl.source() != null ? dsl.source() : positions.of(failure, null).orElse(positions.wholeFile());
            return new ScriptError(where, dsl.getMessage());
        }
        String name = null;
        String message;
        if (cause instanceof MissingMethodException missing) {
            name = missing.getMethod();
            message = missingMethod(missing);
        } else if (cause instanceof MissingPropertyException missing) {
            name = missing.getProperty();
            message = isDsl(missing.getType())
                    ? plan.unknownName(name, cause)
                    : missing.getType().getSimpleName() + " has no property '" + name + "'";
        } else if (cause instanceof StackOverflowError) {
            message = "the script calls itself without end (stack overflow)";
        } else if (cause instanceof OutOfMemoryError) {
            message = "the script ran out of memory while building its plan";
        } else {
            message = text(cause);
        }
        return new ScriptError(positions.of(cause, name).orElse(positions.wholeFile()), message);
    }

    private String missingMethod(MissingMethodException missing) {
        Object[] args = missing.getArguments() == null ? new Object[0] : missing.getArguments();
        return missingMethod(plan.vocabulary(), plan.scriptMethods(), missing.getType(), missing.getMethod(),
                Arrays.stream(args).map(Vocabulary::typeName).toList());
    }

    /**
     * A call of {@code name} that {@code type} has no method for: on a DSL object, a word used wrongly or an
     * unknown word; on any other object, a method it does not have. Also for {@code plan --strict}, which
     * knows the arguments' types instead of their values.
     */
    static String missingMethod(Vocabulary vocabulary, Collection<String> scriptMethods, Class<?> type, String name, List<String> argumentTypes) {
        if (!isDsl(type)) return type.getSimpleName() + " has no method " + name + "(" + String.join(", ", argumentTypes) + ")";
        if (vocabulary.isCallable(name) || scriptMethods.contains(name)) return Vocabulary.wrongArguments(name, argumentTypes);
        return vocabulary.unknownCall(name, scriptMethods);
    }

    static boolean isDsl(Class<?> type) {
        return type != null && DSL_RECEIVERS.stream().anyMatch(r -> r.isAssignableFrom(type));
    }

    /** Reflection and Groovy's dispatch wrap what the script threw; the user wants what was thrown. */
    private static Throwable unwrapped(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof InvokerInvocationException || t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String text(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? "failed (" + t.getClass().getSimpleName() + ")" : message;
    }
}
