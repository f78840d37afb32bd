package dev.shakedown.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's side of {@code GET /decide}: a decision, or the reason there is none. */
final class GuardianClient {
    /** A decision and the guardian's clock when it made it. */
    record Decision(boolean allow, long decidedAtMillis) {}

    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    private static final Pattern ALLOW = Pattern.compile("\"allow\"\\s*:\\s*(true|false)");
    private static final Pattern DECIDED_AT = Pattern.compile("\"decidedAt\"\\s*:\\s*(\\d+)");

    private final String baseUrl;
    private final HttpClient http;

    /** {@code hostPort} is resolved by the system resolver at every new connection, so DNS faults apply. */
    GuardianClient(String hostPort) {
        this.baseUrl = "http://" + hostPort;
        // HTTP/1.1: the default would try an h2c upgrade on every new connection, which the guardian never accepts
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    Decision decide(String subject, String action) throws FailClosedException {
        URI uri = URI.create(baseUrl + "/decide?subject=" + encode(subject) + "&action=" + encode(action));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // both the connect timeout and the request timeout
            throw new FailClosedException(Reason.GUARDIAN_TIMEOUT, e);
        } catch (IOException e) {
            // refused, reset, or closed before a whole answer arrived
            throw new FailClosedException(Reason.GUARDIAN_UNREACHABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailClosedException(Reason.GUARDIAN_UNREACHABLE, e);
        }
        if (response.statusCode() != 200) {
            throw new FailClosedException(Reason.GUARDIAN_ERROR,
                    new IOException("guardian answered " + response.statusCode()));
        }
        return parse(response.body());
    }

    static Decision parse(String body) throws FailClosedException {
        Matcher allow = ALLOW.matcher(body);
        Matcher decidedAt = DECIDED_AT.matcher(body);
        if (!allow.find() || !decidedAt.find()) {
            throw new FailClosedException(Reason.GUARDIAN_ERROR, new IOException("unreadable decision: " + body));
        }
        try {
            return new Decision(Boolean.parseBoolean(allow.group(1)), Long.parseLong(decidedAt.group(1)));
        } catch (NumberFormatException e) {
            throw new FailClosedException(Reason.GUARDIAN_ERROR, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
