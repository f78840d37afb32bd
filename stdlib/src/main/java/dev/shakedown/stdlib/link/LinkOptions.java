package dev.shakedown.stdlib.link;

import dev.shakedown.dsl.DslException;
import dev.shakedown.stdlib.Options;
import java.util.Map;
import java.util.Set;

/**
 * Where a link listens and where it forwards to: {@code listen} (a port on 127.0.0.1, or {@code host:port};
 * 0 or absent picks a free port when the plan is built) and {@code upstream} ({@code host:port}).
 */
record LinkOptions(HostPort listen, HostPort upstream) {
    static final String LISTEN = "listen";
    static final String UPSTREAM = "upstream";
    private static final Set<String> NAMES = Set.of(LISTEN, UPSTREAM);

    static LinkOptions from(Map<String, Object> options, String what) {
        Options.requireKnown(options, NAMES, what);
        Object upstream = options.get(UPSTREAM);
        if (upstream == null) {
            throw new DslException(what + " needs upstream: 'host:port', the address it forwards to");
        }
        return new LinkOptions(address(options.getOrDefault(LISTEN, 0), LISTEN, true, what),
                address(upstream, UPSTREAM, false, what));
    }

    private static HostPort address(Object value, String option, boolean zeroAllowed, String what) {
        try {
            return HostPort.parse(value, zeroAllowed);
        } catch (IllegalArgumentException e) {
            throw new DslException(what + ", option " + option + ": " + e.getMessage());
        }
    }
}
