package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.ArgumentType;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.validate.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code dnsFailure('guardian.demo.internal', mode: 'nxdomain')}: the run's DNS server answers NXDOMAIN or
 * SERVFAIL for the name, never answers, answers late ({@code latency: 2.s}) or wrongly
 * ({@code answer: '127.0.0.99'}); JVMs launched with {@code hostsFile: true} see it in their hosts file.
 */
public final class DnsFailureInjector implements Injector {
    @Override
    public String name() {
        return "dnsFailure";
    }

    @Override
    public String summary() {
        return "make the run's dns fail for one name: mode: 'nxdomain' | 'servfail' | 'timeout', latency: 2.s or answer: '127.0.0.99'";
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.INFRASTRUCTURE;
    }

    @Override
    public List<ArgumentType> arguments() {
        return List.of(new ArgumentType("the name of a dns record such as 'guardian.demo.internal'", CharSequence.class));
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        if (spec.target() == null) return List.of("dnsFailure needs the name of a dns record: " + DnsFailureOptions.USAGE);
        Optional<ResourceSpec> dns = DnsResourceType.in(plan);
        if (dns.isEmpty()) {
            return List.of("no dns record '" + spec.target() + "': the script declares no dns; declare it first: dns { record '"
                    + spec.target() + "', '127.0.0.1' }");
        }
        try {
            DnsRecords records = DnsOptions.from(dns.get().options()).records();
            String name = DnsFailureOptions.name(spec);
            if (!records.has(name)) {
                return List.of("no dns record '" + spec.target() + "'" + Suggestions.didYouMean(name, records.names())
                        + " (declared: " + String.join(", ", new TreeSet<>(records.names())) + ")");
            }
            DnsFailureOptions.fault(spec);
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public String describe(FaultSpec spec) {
        String name = DnsFailureOptions.name(spec);
        NameFault fault = DnsFailureOptions.fault(spec);
        return "make the run's DNS server " + fault + " for " + name + "; in the hosts file of processes launched with "
                + "hostsFile: true, " + HostsFile.describe(name, fault) + "; recover restores the records";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) throws IOException {
        String resource = DnsResourceType.in(run.plan()).map(ResourceSpec::name).orElse(DnsResourceType.NAME);
        DnsResource dns = run.resource(resource, DnsResource.class)
                .orElseThrow(() -> new IllegalStateException("the dns server is not part of this run"));
        Path hosts = HostsFile.in(run.runDirectory());
        Optional<String> original = Files.exists(hosts) ? Optional.of(Files.readString(hosts)) : Optional.empty();
        return new DnsFailure(dns.responder(), DnsFailureOptions.name(spec), DnsFailureOptions.fault(spec), hosts, original);
    }
}
