package dev.shakedown.stdlib.dns;

import dev.shakedown.stdlib.Options;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of the dns resource: {@code port} (0 or absent: a free one, chosen while the plan is built)
 * and {@code records} (name to addresses).
 */
record DnsOptions(int port, DnsRecords records) {
    /** The dns resource serves on loopback only: it answers the processes of this host, never a network. */
    static final String HOST = "127.0.0.1";
    static final String PORT = "port";
    static final String RECORDS = "records";
    private static final Set<String> NAMES = Set.of(PORT, RECORDS);

    static DnsOptions from(Map<String, Object> options) {
        Options.requireKnown(options, NAMES, "dns");
        Object port = options.get(PORT);
        boolean free = port == null || (port instanceof Number n && n.intValue() == 0) || "0".equals(String.valueOf(port).trim());
        return new DnsOptions(free ? 0 : Options.port(options, PORT).getAsInt(), DnsRecords.from(options.get(RECORDS)));
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(PORT, port);
        map.put(RECORDS, records.byName());
        return map;
    }

    DnsOptions withPort(int port) {
        return new DnsOptions(port, records);
    }

    DnsOptions withRecords(DnsRecords more) {
        return new DnsOptions(port, records.with(more));
    }

    String address() {
        return HOST + ":" + port;
    }
}
