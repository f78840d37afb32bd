package dev.shakedown.stdlib.dns;

import java.util.Arrays;

/** What {@code dns { ... }} runs against: {@code record 'guardian.demo.internal', '127.0.0.1', '::1'}. */
public final class DnsBlock {
    private DnsRecords records = DnsRecords.NONE;

    /** Declares {@code name} with one or more IPv4/IPv6 addresses; a name given twice gets all of them. */
    public void record(String name, String... addresses) {
        records = records.with(name, Arrays.asList(addresses));
    }

    DnsRecords records() {
        return records;
    }
}
