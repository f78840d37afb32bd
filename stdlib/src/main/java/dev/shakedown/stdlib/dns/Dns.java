package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ResourceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Declares the run's one DNS server, record by record: the {@code dns} word and other words (the demo
 * system declares its guardian's name) add to the same resource.
 */
public final class Dns {
    private Dns() {}

    /**
     * Adds {@code records} (name to IPv4/IPv6 literals) to the run's dns resource, declaring it on a free
     * port if the script has not yet. Throws {@link DslException} naming an invalid name or address.
     */
    public static DnsRef declare(BuildContext build, Map<String, List<String>> records) {
        DnsRecords added = DnsRecords.NONE;
        for (var entry : records.entrySet()) added = added.with(entry.getKey(), entry.getValue());
        return declare(build, added, OptionalInt.empty());
    }

    static DnsRef declare(BuildContext build, DnsRecords records, OptionalInt port) {
        Optional<ResourceSpec> declared = declared(build);
        if (declared.isEmpty()) {
            DnsOptions options = new DnsOptions(port.orElse(0), records);
            build.addResource(new ResourceSpec(DnsResourceType.KIND, DnsResourceType.NAME, options.toMap(), build.callSite()));
        } else {
            DnsOptions options = DnsOptions.from(declared.get().options());
            if (port.isPresent() && port.getAsInt() != options.port()) {
                throw new DslException("dns already serves on " + options.address() + ", which the script may have passed on;"
                        + " give port: " + port.getAsInt() + " in the first dns block instead");
            }
            ResourceSpec spec = declared.get();
            build.replaceResource(new ResourceSpec(spec.kind(), spec.name(), options.withRecords(records).toMap(), spec.source()));
        }
        return ref(build).orElseThrow();
    }

    /** The run's DNS server as the script sees it, once declared. */
    static Optional<DnsRef> ref(BuildContext build) {
        return declared(build).map(spec -> new DnsRef(DnsOptions.from(spec.options())));
    }

    private static Optional<ResourceSpec> declared(BuildContext build) {
        Optional<ResourceSpec> named = build.resource(DnsResourceType.NAME);
        if (named.isPresent() && !named.get().kind().equals(DnsResourceType.KIND)) {
            throw new DslException("'" + DnsResourceType.NAME + "' is already the name of a " + named.get().kind()
                    + "; the run's DNS server needs it, so give that " + named.get().kind() + " another name");
        }
        return named;
    }
}
