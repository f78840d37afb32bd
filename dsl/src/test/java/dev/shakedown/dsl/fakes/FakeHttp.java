package dev.shakedown.dsl.fakes;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslWord;
import dev.shakedown.engine.spi.LoadAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word {@code http}: {@code http.get(url)} describes a request; reading {@code .status} performs it,
 * here against a table of answers the tests set.
 */
public final class FakeHttp implements DslWord {
    /** The status each URL answers; 200 when not set. */
    public static final Map<String, Integer> STATUS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String summary() {
        return "HTTP requests (test)";
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        return new Client();
    }

    public static final class Client {
        public Request get(Object url) {
            return new Request(String.valueOf(url));
        }
    }

    public record Request(String url) implements LoadAction {
        public int getStatus() {
            return STATUS.getOrDefault(url, 200);
        }

        @Override
        public LoadOutcome perform() {
            return new LoadOutcome(getStatus(), null);
        }
    }
}
