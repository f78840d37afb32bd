package dev.shakedown.stdlib.dns;

import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.UndoRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** The running DNS server of a run; {@code dnsFailure} switches faults on its names. */
public final class DnsResource implements Resource {
    private final String name;
    private final DnsOptions options;
    private final Responder responder;
    private volatile DnsServer server;

    DnsResource(String name, DnsOptions options) {
        this.name = name;
        this.options = options;
        this.responder = new Responder(options.records());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws Exception {
        server = new DnsServer(responder, options.port());
    }

    /** The port it serves on: the declared one, or the one the system chose for port 0. */
    public int port() {
        DnsServer running = server;
        return running == null ? options.port() : running.port();
    }

    Responder responder() {
        return responder;
    }

    @Override
    public UndoRecord undoRecord() {
        return UndoRecord.nothing("the dns server runs inside the engine, so it and its faults end with the engine");
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", DnsOptions.HOST + ":" + port());
        details.put("port", port());
        details.put("records", options.records().byName());
        return details;
    }

    @Override
    public void close() {
        DnsServer running = server;
        if (running != null) running.close();
    }
}
