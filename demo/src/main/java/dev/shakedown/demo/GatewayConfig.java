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
 */
public record GatewayConfig(int port, String guardian, String db, Path auditDir, Path eventLog, boolean failOpen,
        Duration clockTolerance, Optional<String> dns) {

    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMillis(2000);

    static final String USAGE = "GatewayMain --guardian host:port --db host:port --audit-dir DIR --event-log FILE"
            + " [--port N] [--fail-open] [--clock-tolerance-ms 2000] [--dns host:port] [--watch-parent]";
    static final Set<String> VALUE_FLAGS = Set.of("port", "guardian", "db", "audit-dir", "event-log", "clock-tolerance-ms", "dns");
    static final Set<String> SWITCH_FLAGS = Set.of("fail-open", "watch-parent");

    public GatewayConfig {
        checkHostPort("guardian", guardian);
        checkHostPort("db", db);
        if (auditDir == null || eventLog == null) throw new IllegalArgumentException("audit dir and event log are required");
        dns.ifPresent(server -> checkHostPort("dns", server));
        if (clockTolerance.isNegative()) throw new IllegalArgumentException("clock tolerance must not be negative");
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
                args.optional("dns"));
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
