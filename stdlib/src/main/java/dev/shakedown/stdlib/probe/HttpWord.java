package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import java.util.List;
import java.util.Map;

/** The script word {@code http}: {@code http.get(url).status == 200}, {@code load http.get(url), rate: ...}. */
public final class HttpWord implements DslWord {
    @Override
    public String name() {
        return "http";
    }

    @Override
    public String summary() {
        return "HTTP requests for conditions and load: http.get(url).status, .body, .latency; http.post(url, body)";
    }

    @Override
    public Class<?> resultType() {
        return Http.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!named.isEmpty() || !args.isEmpty()) {
            throw new DslException("http takes no arguments; write http.get(url) or http.post(url, body)");
        }
        return Http.INSTANCE;
    }
}
