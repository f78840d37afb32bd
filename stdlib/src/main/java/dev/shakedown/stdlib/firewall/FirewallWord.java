package dev.shakedown.stdlib.firewall;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import java.util.List;
import java.util.Map;

/** The script word {@code firewall}: {@code inject firewall.partition(host: '127.0.0.1', port: 5432)}. */
public final class FirewallWord implements DslWord {
    @Override
    public String name() {
        return "firewall";
    }

    @Override
    public String summary() {
        return "firewall faults (root, iptables or nft): firewall.partition(port:, host:, direction:, mode:, netns:)";
    }

    @Override
    public Class<?> resultType() {
        return Firewall.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!named.isEmpty() || !args.isEmpty()) {
            throw new DslException("firewall takes no arguments; write " + PartitionOptions.USAGE);
        }
        return Firewall.INSTANCE;
    }
}
