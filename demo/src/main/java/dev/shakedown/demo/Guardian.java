package dev.shakedown.demo;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The policy decision service (think ext_authz or an OPA sidecar). {@code GET /decide?subject=S&action=A} answers
 * {@code {"allow":true|false,"decidedAt":<epoch millis>}}; the time comes from the guardian's own clock, so a skewed
 * clock shows in its answers and the gateway can reject them as stale.
 */
public final class Guardian implements AutoCloseable {
    /** Subjects the policy denies; everyone else is allowed. */
    static final Set<String> DENIED_SUBJECTS = Set.of("mallory");

    // decisions are cheap and CPU-only, a few threads never queue
    private static final int THREADS = 8;

    private final LoopbackHttpServer http;

    private Guardian(LoopbackHttpServer http) {
        this.http = http;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static Guardian start(int port) throws IOException {
        return start(port, Clock.systemUTC());
    }

    /** With an explicit clock, so tests can skew the decision time without touching the host clock. */
    static Guardian start(int port, Clock clock) throws IOException {
        LoopbackHttpServer http = new LoopbackHttpServer(port, THREADS);
        http.get("/decide", query -> decide(query, clock));
        http.get("/health", query -> LoopbackHttpServer.Response.text(200, "ok"));
        http.start();
        return new Guardian(http);
    }

    private static LoopbackHttpServer.Response decide(Map<String, String> query, Clock clock) {
        String subject = query.get("subject");
        String action = query.get("action");
        if (subject == null || subject.isEmpty() || action == null || action.isEmpty()) {
            return LoopbackHttpServer.Response.text(400, "subject and action are required");
        }
        boolean allow = !DENIED_SUBJECTS.contains(subject);
        return LoopbackHttpServer.Response.json(200, "{\"allow\":" + allow + ",\"decidedAt\":" + clock.millis() + "}");
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }
}
