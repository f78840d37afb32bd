package dev.shakedown.stdlib.demo;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.spi.CurrentRun;
import dev.shakedown.stdlib.dns.DnsRef;
import dev.shakedown.stdlib.link.LinkRef;
import dev.shakedown.stdlib.process.LaunchOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * The addresses of the demo system a script declared with {@code demoSystem()}: {@code sut.gateway} is
 * the gateway's base URL, {@code sut.guardian} and {@code sut.db} are {@code host:port}, and
 * {@code sut.links.guardian} and {@code sut.links.db} are the links the gateway reaches them through,
 * {@code sut.guardianHost} the name it finds the guardian by through {@code sut.dns}.
 */
public final class DemoSystem {
    /** The gateway's JSON-lines event log, in the run's directory. */
    static final String EVENT_LOG = "gateway-events.jsonl";

    /** The gateway's audit directory; a disk fault resolves {@code ${runDir}} when the run runs. */
    static final String AUDIT_DIR = LaunchOptions.RUN_DIR + "/audit";

    /** The resource name of the tmpfs that {@code demoSystem(auditFs: 32.mb)} mounts at the audit directory. */
    static final String AUDIT_FS = "auditFs";

    /** The links' resource names: apart from the processes' names, which they would otherwise shadow. */
    static final String GUARDIAN_LINK = "guardianLink";
    static final String DB_LINK = "dbLink";

    /** The name the gateway finds the guardian by, through the run's DNS server. */
    static final String GUARDIAN_HOST = "guardian.demo.internal";

    private final int gatewayPort;
    private final int guardianPort;
    private final int dbPort;
    private final Map<String, LinkRef> links;
    private final DnsRef dns;

    DemoSystem(int gatewayPort, int guardianPort, int dbPort, Map<String, LinkRef> links, DnsRef dns) {
        this.dns = dns;
        this.gatewayPort = gatewayPort;
        this.guardianPort = guardianPort;
        this.dbPort = dbPort;
        this.links = Map.copyOf(links);
    }

    /** The gateway's links to its dependencies: {@code sut.links.guardian}, {@code sut.links.db}. */
    public Map<String, LinkRef> getLinks() {
        return links;
    }

    /** {@code sut.guardianHost}: the name the gateway resolves the guardian by, for {@code dnsFailure(sut.guardianHost, ...)}. */
    public String getGuardianHost() {
        return GUARDIAN_HOST;
    }

    /** {@code sut.dns}: the run's DNS server, which answers for {@link #getGuardianHost()}. */
    public DnsRef getDns() {
        return dns;
    }

    public String getGateway() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String getGuardian() {
        return "127.0.0.1:" + guardianPort;
    }

    public String getDb() {
        return "127.0.0.1:" + dbPort;
    }

    /**
     * {@code sut.auditDir}: where the gateway writes its audit records, as {@code ${runDir}/audit}, which
     * {@code disk(path: sut.auditDir, ...)} and launched processes resolve to the run's directory.
     */
    public String getAuditDir() {
        return AUDIT_DIR;
    }

    /** Only while the run runs: the file lives in that run's directory. */
    public Path getEventLog() {
        return CurrentRun.get()
                .orElseThrow(() -> new DslException("sut.eventLog is known only while the experiment runs"))
                .runDirectory().resolve(EVENT_LOG);
    }

    @Override
    public String toString() {
        return "demo system (gateway " + getGateway() + ", guardian " + getGuardian() + ", db " + getDb() + ")";
    }
}
