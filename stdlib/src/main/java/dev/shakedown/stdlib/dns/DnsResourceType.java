package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.stdlib.FreePorts;
import java.util.List;
import java.util.Optional;

/**
 * The run's DNS server, declared by the {@code dns} word (which scripts reach rather than a generic
 * {@code dns 'name', ...} declaration: a word takes precedence over a resource kind of the same name).
 */
public final class DnsResourceType implements ResourceType {
    public static final String KIND = "dns";
    /** One DNS server per run, whatever number of {@code dns} blocks declare its records. */
    public static final String NAME = "dns";

    @Override
    public String kind() {
        return KIND;
    }

    /** The run's dns resource, if the plan declares one. */
    public static Optional<ResourceSpec> in(ExperimentPlan plan) {
        return plan.resources().stream().filter(r -> r.kind().equals(KIND)).findFirst();
    }

    /** Chooses the free port while the plan is built, so the script can pass {@code dns.address} to a process. */
    @Override
    public ResourceSpec settle(ResourceSpec spec) {
        DnsOptions options;
        try {
            options = DnsOptions.from(spec.options());
        } catch (DslException e) {
            return spec; // validate reports it
        }
        if (options.port() != 0) return spec;
        return new ResourceSpec(spec.kind(), spec.name(), options.withPort(FreePorts.pick()).toMap(), spec.source());
    }

    @Override
    public List<String> validate(ResourceSpec spec) {
        try {
            DnsOptions options = DnsOptions.from(spec.options());
            return options.records().names().isEmpty()
                    ? List.of("dns declares no records; add one: dns { record 'svc.internal', '127.0.0.1' }") : List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public String describe(ResourceSpec spec) {
        DnsOptions options = DnsOptions.from(spec.options());
        String at = options.port() == 0 ? DnsOptions.HOST + " (a free port)" : options.address();
        return "serve DNS on " + at + " (UDP and TCP), authoritative for " + options.records()
                + " (TTL 0); other names are NXDOMAIN";
    }

    @Override
    public Resource create(ResourceSpec spec, RunContext context) {
        try {
            return new DnsResource(spec.name(), DnsOptions.from(spec.options()));
        } catch (DslException e) {
            throw e.at(spec.source());
        }
    }
}
