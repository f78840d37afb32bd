package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.DslException;
import dev.shakedown.stdlib.Options;
import groovy.lang.Closure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the script word {@code http} gives: {@code http.get(url)}, {@code http.post(url, body)}, each with
 * an optional {@code timeout:} (default 2 s) and {@code failClosedWhen: { it.status == 503 }} (which answers are
 * deliberate refusals rather than errors; see {@link FailClosedRule}). The calls describe requests; reading them
 * performs them.
 */
public final class Http {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Set<String> OPTIONS = Set.of("timeout", "failClosedWhen");
    static final Http INSTANCE = new Http();

    /** One client for every request of the process: it keeps connections, so a 100 Hz probe reuses them. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private Http() {}

    public HttpCall get(Object url) {
        return get(Map.of(), url);
    }

    public HttpCall get(Map<String, ?> options, Object url) {
        return call(options, url, "GET", HttpRequest.BodyPublishers.noBody());
    }

    public HttpCall post(Object url, Object body) {
        return post(Map.of(), url, body);
    }

    public HttpCall post(Map<String, ?> options, Object url, Object body) {
        return call(options, url, "POST", HttpRequest.BodyPublishers.ofString(String.valueOf(body)));
    }

    private HttpCall call(Map<String, ?> options, Object url, String method, HttpRequest.BodyPublisher body) {
        Options.requireKnown(options, OPTIONS, "http." + method.toLowerCase());
        Duration timeout = Options.duration(options, "timeout").orElse(DEFAULT_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(uri(url)).timeout(timeout).method(method, body).build();
        return new HttpCall(client, request, timeout, failClosedRule(options.get("failClosedWhen")));
    }

    private static FailClosedRule failClosedRule(Object predicate) {
        if (predicate == null) return FailClosedRule.HEADER;
        if (predicate instanceof Closure<?> closure) return FailClosedRule.when(closure);
        throw new DslException("failClosedWhen: takes a closure over the answer, such as { it.status == 503 }, not " + predicate);
    }

    private static URI uri(Object url) {
        String text = String.valueOf(url);
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (IllegalArgumentException e) {
            throw new DslException("'" + text + "' is not a URL: " + e.getMessage());
        }
        throw new DslException("'" + text + "' is not an http:// or https:// URL with a host");
    }
}
