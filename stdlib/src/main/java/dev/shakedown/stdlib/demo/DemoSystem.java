package dev.shakedown.stdlib.demo;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.spi.CurrentRun;
import java.nio.file.Path;

/**
 * The addresses of the demo system a script declared with {@code demoSystem()}: {@code sut.gateway} is
 * the gateway's base URL, {@code sut.guardian} and {@code sut.db} are {@code host:port}.
 */
public final class DemoSystem {
    /** The gateway's JSON-lines event log, in the run's directory. */
    static final String EVENT_LOG = "gateway-events.jsonl";

    private final int gatewayPort;
    private final int guardianPort;
    private final int dbPort;

    DemoSystem(int gatewayPort, int guardianPort, int dbPort) {
        this.gatewayPort = gatewayPort;
        this.guardianPort = guardianPort;
        this.dbPort = dbPort;
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
