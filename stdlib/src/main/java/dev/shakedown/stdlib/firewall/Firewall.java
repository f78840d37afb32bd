package dev.shakedown.stdlib.firewall;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the script word {@code firewall} stands for: {@code inject firewall.partition(port: 5432)}. */
public final class Firewall {
    static final Firewall INSTANCE = new Firewall();

    private Firewall() {}

    /**
     * The fault {@code firewallPartition} with these options. The plan validator checks them and reports a
     * mistake at the {@code inject} that uses the fault. GStrings become Strings: plans hold plain values.
     */
    public FaultSpec partition(Map<String, ?> options) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (options != null) {
            options.forEach((key, value) -> {
                if (value == null) throw new DslException("firewall.partition got null for " + key + ":");
                plain.put(String.valueOf(key), value instanceof CharSequence text ? text.toString() : value);
            });
        }
        return new FaultSpec(FirewallPartitionInjector.NAME, List.of(), plain, SourceRef.UNKNOWN);
    }
}
