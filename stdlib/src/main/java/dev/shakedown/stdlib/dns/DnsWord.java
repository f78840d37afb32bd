package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import dev.shakedown.stdlib.Options;
import groovy.lang.Closure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The script word {@code dns}: {@code dns { record 'guardian.demo.internal', '127.0.0.1' }} declares records
 * of the run's DNS server (optionally {@code dns(port: 5353) { ... }}); {@code dns.address} reads its address.
 */
public final class DnsWord implements DslWord {
    private static final String USAGE = "dns { record 'svc.internal', '127.0.0.1' }";

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public String summary() {
        return "a DNS server for the run: dns { record 'svc.internal', '127.0.0.1' }; dns.address is its 127.0.0.1:PORT";
    }

    @Override
    public Class<?> resultType() {
        return DnsRef.class;
    }

    @Override
    public Optional<Class<?>> blockDelegate() {
        return Optional.of(DnsBlock.class);
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (named.isEmpty() && args.isEmpty()) {
            return Dns.ref(build).orElseThrow(() -> new DslException("the script declares no dns yet; declare its records first: " + USAGE));
        }
        if (args.size() != 1 || !(args.get(0) instanceof Closure<?> block)) {
            throw new DslException("dns takes a block of records: " + USAGE);
        }
        Options.requireKnown(named, Set.of(DnsOptions.PORT), "dns");
        OptionalInt port = Options.port(named, DnsOptions.PORT);
        DnsBlock records = new DnsBlock();
        Closure<?> copy = (Closure<?>) block.clone();
        copy.setDelegate(records);
        copy.setResolveStrategy(Closure.DELEGATE_FIRST); // record(...) is the block's, every other name the script's
        copy.call();
        return Dns.declare(build, records.records(), port);
    }
}
