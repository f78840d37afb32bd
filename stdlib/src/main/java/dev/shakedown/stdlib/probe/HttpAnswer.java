package dev.shakedown.stdlib.probe;

import java.util.List;
import java.util.Map;

/**
 * What a {@code failClosedWhen:} predicate sees of an answer: {@code it.status}, {@code it.headers},
 * {@code it.header('X-Fail-Closed')}. No body: the load reads none, so that its requests stay cheap.
 */
public final class HttpAnswer {
    private final int status;
    private final Map<String, List<String>> headers;

    HttpAnswer(int status, Map<String, List<String>> headers) {
        this.status = status;
        this.headers = headers;
    }

    public int getStatus() {
        return status;
    }

    /** Header names compare without regard to case. */
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    /** The first value of a header (any case), or null when the answer has none. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "HTTP " + status;
    }
}
