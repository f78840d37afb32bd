package dev.shakedown.dsl;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.Rate;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.validate.Suggestions;
import groovy.lang.Closure;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One use of a DSL word at one place in a script. Converts what the script passed into the type the word
 * needs, and otherwise fails with a {@link DslException} at that place which shows the right form
 * ({@code hold needs a duration, not 30; write it as: hold 30.s}).
 */
final class CallSite {
    private final String word;
    private final SourceRef at;

    CallSite(String word, SourceRef at) {
        this.word = word;
        this.at = at;
    }

    String word() {
        return word;
    }

    SourceRef at() {
        return at;
    }

    DslException error(String message) {
        return new DslException(message, at);
    }

    /** @param what what the word needs here, e.g. {@code "a name"} or {@code "a rate for rate:"} */
    String text(Object value, String what) {
        if (value instanceof CharSequence s) return s.toString();
        throw needs(what, value);
    }

    Duration duration(Object value, String what) {
        if (value instanceof Duration d) return d;
        throw needs(what, value);
    }

    /** An interval ({@code every:}): a duration above zero. */
    Duration interval(Object value, String what) {
        Duration d = duration(value, what);
        if (d.isNegative() || d.isZero()) throw error(word + " needs " + what + " above zero, not " + Durations.format(d));
        return d;
    }

    Percent percent(Object value, String what) {
        if (value instanceof Percent p) return p;
        throw needs(what, value);
    }

    Rate rate(Object value, String what) {
        if (value instanceof Rate r) return r;
        throw needs(what, value);
    }

    /** {@code hold needs a duration, not 30; write it as: hold 30.s}. */
    DslException needs(String what, Object value) {
        return error(word + " needs " + what + ", not " + shown(value) + Vocabulary.form(word));
    }

    /** Named arguments this word does not know are mistakes, usually typos: say which and suggest. */
    void allowOnly(Map<String, ?> named, Set<String> known) {
        for (String name : named.keySet()) {
            if (!known.contains(name)) {
                String takes = String.join(":, ", known.stream().sorted().toList()) + ":";
                throw error(word + " does not take " + name + ":" + Suggestions.didYouMean(name, known) + " (it takes only " + takes + ")");
            }
        }
    }

    /** A value as a script author would recognise it in a message. */
    static String shown(Object value) {
        if (value == null) return "null";
        if (value instanceof CharSequence s) return "'" + s + "'";
        if (value instanceof Duration d) return Durations.format(d);
        if (value instanceof Number || value instanceof Boolean || value instanceof Percent || value instanceof Rate) {
            return value.toString();
        }
        if (value instanceof Closure<?>) return "a closure";
        return "a " + value.getClass().getSimpleName();
    }
}
