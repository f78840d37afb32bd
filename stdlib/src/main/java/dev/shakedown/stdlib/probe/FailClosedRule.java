package dev.shakedown.stdlib.probe;

import groovy.lang.Closure;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * How an answer is told to be a deliberate fail-closed refusal (not an error). By default, by the
 * {@code X-Fail-Closed} header, whose value is the reason. A script's {@code failClosedWhen: { it.status == 503 }}
 * replaces that rule: a Groovy-true result marks the answer; a text result is also its reason; otherwise the
 * reason is the answer's {@code X-Fail-Closed}, or {@code status 503}.
 */
final class FailClosedRule {
    static final FailClosedRule HEADER = new FailClosedRule(null);

    private final Closure<?> predicate;

    private FailClosedRule(Closure<?> predicate) {
        this.predicate = predicate;
    }

    static FailClosedRule when(Closure<?> predicate) {
        return new FailClosedRule(predicate);
    }

    /** The reason the answer is a deliberate refusal, or null when it is not one. */
    String reason(HttpAnswer answer) {
        String header = answer.header(HttpCall.FAIL_CLOSED_HEADER);
        if (predicate == null) return header == null ? null : header.isBlank() ? "unspecified" : header;
        // a fresh copy per call: load workers call it concurrently and a closure carries per-call state
        Object verdict = ((Closure<?>) predicate.clone()).call(answer);
        // Groovy truth as the script means it (DefaultGroovyMethods.asBoolean(Object) would call Boolean.FALSE true)
        if (!DefaultTypeTransformation.castToBoolean(verdict)) return null;
        if (verdict instanceof CharSequence text && !text.toString().isBlank()) return text.toString();
        return header != null && !header.isBlank() ? header : "status " + answer.getStatus();
    }
}
