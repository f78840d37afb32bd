package dev.shakedown.stdlib.dns;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code dnsFailure} on one name: switched on in the run's DNS server and, when the run has a hosts
 * file, written into it too. The server's part dies with the engine; the hosts file's must be restored.
 */
final class DnsFailure implements Fault {
    static final String RESTORE_FILE = "restore-file";

    private final Responder server;
    private final String name;
    private final NameFault fault;
    private final Path hosts;
    /** The hosts file as the fault found it, or empty when the fault does not touch it. */
    private final Optional<String> original;
    private final Optional<String> faulted;

    DnsFailure(Responder server, String name, NameFault fault, Path hosts, Optional<String> original) {
        this.server = server;
        this.name = name;
        this.fault = fault;
        this.hosts = hosts;
        this.faulted = original.flatMap(content -> HostsFile.faulted(content, name, fault));
        this.original = faulted.isPresent() ? original : Optional.empty();
    }

    @Override
    public UndoRecord undoRecord() {
        return original.map(content -> new UndoRecord(RESTORE_FILE, Map.of("path", hosts.toString(), "content", content),
                        "write the original hosts file back: the ledger record's content goes to " + hosts
                                + " (the dns server's part of the fault ended with the engine)"))
                .orElseGet(() -> UndoRecord.nothing("the dns server runs inside the engine, so its faults end with the engine"));
    }

    @Override
    public void apply() throws Exception {
        server.fault(name, fault);
        if (faulted.isPresent()) HostsFile.write(hosts, faulted.get());
    }

    @Override
    public void rollback() throws Exception {
        server.heal(name, fault);
        if (original.isPresent()) HostsFile.write(hosts, original.get());
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("mode", fault.mode());
        details.put("server", fault.toString());
        details.put("hostsFile", Files.exists(hosts) ? HostsFile.describe(name, fault) + " (" + hosts + ")" : "none in this run");
        return details;
    }
}
