package dev.shakedown.demo;

import dev.shakedown.demo.LoopbackHttpServer.Response;
import dev.shakedown.demo.StateLog.State;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public API. {@code GET /api/orders[?subject=S]} asks the guardian, rejects a stale decision, reads the db and
 * writes an audit record; if any of these fails it answers 503 with {@code X-Fail-Closed: <reason>} and serves
 * nothing (fails closed). A deny is an ordinary 403. {@code GET /health} runs the same checks live.
 */
public final class Gateway implements AutoCloseable {
    static final String ACTION = "read-orders";
    static final String DEFAULT_SUBJECT = "anonymous";
    static final String HEALTH_SUBJECT = "gateway-health";
    static final String FAIL_CLOSED_HEADER = "X-Fail-Closed";
    private static final int WARM_UP_ROUNDS = 50;

    // requests block for up to the dependency timeouts while a fault is active; enough threads that probes and
    // load are not queued behind each other (which would delay the measured fail-closed activation)
    private static final int THREADS = 64;

    private final GatewayConfig config;
    private final GuardianClient guardian;
    private final OrderDatabase db;
    private final AuditLog audit;
    private final StateLog states;
    private final LoopbackHttpServer http;
    private final Map<String, AtomicLong> ordersBySubject = new ConcurrentHashMap<>();

    private Gateway(GatewayConfig config, StateLog states, LoopbackHttpServer http) {
        this.config = config;
        this.guardian = new GuardianClient(config.guardian(), config.dns());
        this.db = new OrderDatabase(config.db(), THREADS);
        this.audit = new AuditLog(config.auditDir());
        this.states = states;
        this.http = http;
    }

    /** Starts serving; connects to nothing yet, so dependencies that are down only make requests fail closed. */
    public static Gateway start(GatewayConfig config) throws IOException {
        H2Settings.apply();
        StateLog states = new StateLog(config.eventLog());
        LoopbackHttpServer http;
        try {
            http = new LoopbackHttpServer(config.port(), THREADS);
        } catch (IOException e) {
            states.close();
            throw e;
        }
        Gateway gateway = new Gateway(config, states, http);
        http.get("/api/orders", gateway::orders);
        http.get("/health", query -> gateway.health());
        gateway.warmUp();
        http.start();
        return gateway;
    }

    /**
     * Runs the health checks before the gateway listens, unrecorded: the first calls load the HTTP, DNS and
     * database clients (over a second on a cold JVM), which would otherwise stall the first requests and be
     * measured as the system's own behaviour. A dependency that is down ends it: requests will fail closed.
     */
    private void warmUp() {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            try {
                guardian.decide(HEALTH_SUBJECT, ACTION);
                db.countOrders();
                audit.checkWritable();
            } catch (FailClosedException e) {
                return;
            }
        }
    }

    private Response orders(Map<String, String> query) {
        String subject = query.getOrDefault("subject", DEFAULT_SUBJECT);
        Response made = madeWorse(subject);
        if (made != null) return made;
        try {
            Consultation guardianSaid = consultGuardian(subject);
            if (!guardianSaid.allow()) {
                audit.append(subject, ACTION, false);
                states.record(guardianSaid.state());
                return Response.text(403, "denied");
            }
            int orders = db.countOrders();
            audit.append(subject, ACTION, true);
            states.record(guardianSaid.state());
            return Response.json(200, "{\"subject\":" + Json.quote(subject) + ",\"orders\":" + orders + "}");
        } catch (FailClosedException e) {
            return failClosed(e.reason());
        }
    }

    /**
     * {@code --delay-ms} and {@code --error-every}: a slow or erring system on purpose, with figures a test knows.
     * Every Nth order <em>of each subject</em> errs, so two clients asking as different subjects each see exactly
     * 1/N errors, however their requests interleave.
     */
    private Response madeWorse(String subject) {
        if (!config.delay().isZero()) {
            try {
                Thread.sleep(config.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (config.errorEvery() > 0 && ordersBySubject.computeIfAbsent(subject, s -> new AtomicLong()).incrementAndGet() % config.errorEvery() == 0) {
            return Response.text(500, "injected error (--error-every " + config.errorEvery() + ")");
        }
        return null;
    }

    private Response health() {
        try {
            Consultation guardianSaid = consultGuardian(HEALTH_SUBJECT);
            db.countOrders();
            audit.checkWritable();
            states.record(guardianSaid.state());
            return Response.text(200, "ok");
        } catch (FailClosedException e) {
            return failClosed(e.reason());
        }
    }

    private Response failClosed(Reason reason) {
        states.record(State.failClosed(reason));
        return new Response(503, "text/plain; charset=utf-8", "fail-closed: " + reason.wire(),
                Map.of(FAIL_CLOSED_HEADER, reason.wire()));
    }

    /** What the guardian step came to: its decision, or with {@code --fail-open} an ignored failure. */
    private record Consultation(boolean allow, Reason ignoredFailure) {
        State state() {
            return ignoredFailure == null ? State.OK : State.failOpen(ignoredFailure);
        }
    }

    private Consultation consultGuardian(String subject) throws FailClosedException {
        try {
            GuardianClient.Decision decision = guardian.decide(subject, ACTION);
            long skewMillis = Math.abs(System.currentTimeMillis() - decision.decidedAtMillis());
            if (skewMillis > config.clockTolerance().toMillis()) {
                throw new FailClosedException(Reason.STALE_DECISION,
                        new IllegalStateException("decision is " + skewMillis + " ms off the gateway's clock"));
            }
            return new Consultation(decision.allow(), null);
        } catch (FailClosedException e) {
            if (!config.failOpen()) throw e;
            // the deliberately broken mode: no usable decision, served as if allowed
            return new Consultation(true, e.reason());
        }
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() throws IOException {
        // the state log first: requests cut short by the shutdown must not be recorded as switches
        try {
            states.close();
        } finally {
            http.close();
            db.close();
        }
    }
}
