package dev.shakedown.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How a gateway runs.
 *
 * @param port           127.0.0.1 port to serve on; 0 picks a free one
 * @param guardian       {@code host:port} of the guardian (or of a link in front of it)
 * @param db             {@code host:port} of the db (or of a link in front of it)
 * @param auditDir       existing directory that receives {@code audit.log}
 * @param eventLog       file that receives one JSON line per state switch
 * @param failOpen       serve requests the guardian could not decide: deliberately broken, for testing experiments
 * @param clockTolerance how far a decision's time may be from the gateway's clock
 * @param dns            {@code host:port} of the DNS server that resolves the guardian's host name at every request;
 *                       empty: the system resolver
 * @param delay          added to every {@code /api/orders} answer: a slow system whose latency a test knows
 * @param errorEvery     every Nth {@code /api/orders} request of each subject answers 500 (an error, not a fail-closed refusal), so
 *                       a test knows the error rate; 0: never
 */
public record GatewayConfig(int port, String guardian, String db, Path auditDir, Path eventLog, boolean failOpen,
        Duration clockTolerance, Optional<String> dns, Duration delay, int errorEvery) {

    /** A gateway as fast and as correct as it can be. */
    public GatewayConfig(int port, String guardian, String db, Path auditDir, Path eventLog, boolean failOpen,
            Duration clockTolerance, Optional<String> dns) {
        this(port, guardian, db, auditDir, eventLog, failOpen, clockTolerance, dns, Duration.ZERO, 0);
    }

    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMillis(2000);

    static final String USAGE = "GatewayMain --guardian host:port --db host:port --audit-dir DIR --event-log FILE"
            + " [--port N] [--fail-open] [--clock-tolerance-ms 2000] [--dns host:port] [--delay-ms 0] [--error-every 0]"
            + " [--watch-parent]";
    static final Set<String> VALUE_FLAGS =
            Set.of("port", "guardian", "db", "audit-dir", "event-log", "clock-tolerance-ms", "dns", "delay-ms", "error-every");
    static final Set<String> SWITCH_FLAGS = Set.of("fail-open", "watch-parent");

    public GatewayConfig {
        checkHostPort("guardian", guardian);
        checkHostPort("db", db);
        if (auditDir == null || eventLog == null) throw new IllegalArgumentException("audit dir and event log are required");
        dns.ifPresent(server -> checkHostPort("dns", server));
        if (clockTolerance.isNegative()) throw new IllegalArgumentException("clock tolerance must not be negative");
        if (delay.isNegative()) throw new IllegalArgumentException("--delay-ms must not be negative");
        if (errorEvery < 0) throw new IllegalArgumentException("--error-every must not be negative");
    }

    static GatewayConfig from(Args args) {
        return new GatewayConfig(
                args.port(),
                args.value("guardian"),
                args.value("db"),
                Path.of(args.value("audit-dir")),
                Path.of(args.value("event-log")),
                args.has("fail-open"),
                Duration.ofMillis(args.intValue("clock-tolerance-ms", (int) DEFAULT_CLOCK_TOLERANCE.toMillis())),
                args.optional("dns"),
                Duration.ofMillis(args.intValue("delay-ms", 0)),
                args.intValue("error-every", 0));
    }

    private static void checkHostPort(String what, String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        boolean valid = colon > 0;
        if (valid) {
            try {
                int port = Integer.parseInt(hostPort.substring(colon + 1));
                valid = port > 0 && port < 65536;
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid) throw new IllegalArgumentException(what + " must be host:port, not '" + hostPort + "'");
    }
}
