package dev.shakedown.stdlib.probe;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.spi.LoadAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as a script describes it ({@code http.get(url)}). In a condition, reading
 * {@code status}, {@code body}, {@code headers} or {@code latency} performs it once and keeps the answer;
 * as {@code load}, every {@link #perform()} sends it anew.
 */
public final class HttpCall implements LoadAction {
    /** The demo gateway's (and any fail-closed service's) mark of a deliberate refusal. */
    public static final String FAIL_CLOSED_HEADER = "X-Fail-Closed";

    private final HttpClient client;
    private final HttpRequest request;
    private final Duration timeout;
    private final FailClosedRule failClosed;
    private Answer answer;
    private RuntimeException failure;

    private record Answer(int status, String body, Map<String, List<String>> headers, Duration latency) {}

    HttpCall(HttpClient client, HttpRequest request, Duration timeout, FailClosedRule failClosed) {
        this.client = client;
        this.request = request;
        this.timeout = timeout;
        this.failClosed = failClosed;
    }

    /** The status code; throws with the reason when no answer came (timeout, refused connection). */
    public int getStatus() {
        return answer().status();
    }

    public String getBody() {
        return answer().body();
    }

    /** Header names compare without regard to case. */
    public Map<String, List<String>> getHeaders() {
        return answer().headers();
    }

    /** The first value of a header, or null when the answer has none. */
    public String header(String name) {
        List<String> values = getHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** From sending the request to having read the whole body. */
    public Duration getLatency() {
        return answer().latency();
    }

    /**
     * Whether the answer is a deliberate fail-closed refusal: it has {@code X-Fail-Closed}, or the request's
     * {@code failClosedWhen:} holds for it.
     */
    public boolean getFailClosed() {
        Answer a = answer();
        return failClosed.reason(new HttpAnswer(a.status(), a.headers())) != null;
    }

    /**
     * Sends the request again (only the status and headers are read) and says how it was answered. An
     * exception in the script's {@code failClosedWhen:} propagates, so the load counts that answer as an error.
     */
    @Override
    public LoadOutcome perform() throws IOException, InterruptedException {
        HttpResponse<Void> response = send(HttpResponse.BodyHandlers.discarding());
        return new LoadOutcome(response.statusCode(),
                failClosed.reason(new HttpAnswer(response.statusCode(), response.headers().map())));
    }

    private synchronized Answer answer() {
        if (answer == null && failure == null) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = send(HttpResponse.BodyHandlers.ofString());
                answer = new Answer(response.statusCode(), response.body(), response.headers().map(),
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (IOException e) {
                failure = new UncheckedIOException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException(this + ": interrupted while waiting for the answer", e);
            }
        }
        if (failure != null) throw failure;
        return answer;
    }

    private <T> HttpResponse<T> send(HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        try {
            return client.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new IOException(this + ": could not connect within " + Durations.format(Http.CONNECT_TIMEOUT), e);
        } catch (HttpTimeoutException e) {
            throw new IOException(this + ": no answer within " + Durations.format(timeout), e);
        } catch (ConnectException e) {
            throw new IOException(this + ": " + (e.getMessage() != null ? e.getMessage() : "connection refused"), e);
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException(this + ": " + reason, e);
        }
    }

    @Override
    public String toString() {
        return request.method() + " " + request.uri();
    }
}
