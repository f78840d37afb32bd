package dev.shakedown.stdlib.firewall;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.stdlib.Options;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code firewall.partition(...)} asks for. The peer is the other end of the connections to cut:
 * {@code host:port}, or the port on any host. Outbound packets go to the peer, inbound ones come from it.
 */
record PartitionOptions(int port, Optional<String> host, Direction direction, Mode mode, Optional<String> netns) {
    static final String USAGE = "firewall.partition(port: 5432) or firewall.partition(host: '127.0.0.1', port: 5432)";
    private static final Set<String> KNOWN = Set.of("port", "host", "direction", "mode", "netns");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Names as {@code ip netns add} makes them, kept to characters that need no quoting in a shell. */
    private static final Pattern NETNS = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    enum Direction {
        OUTBOUND, INBOUND, BOTH;

        boolean toPeer() {
            return this != INBOUND;
        }

        boolean fromPeer() {
            return this != OUTBOUND;
        }
    }

    enum Mode {
        /** Packets vanish: connects and reads hang until the client's own timeout. */
        DROP,
        /**
         * Packets are answered with a TCP reset: the sender's connection fails at once. Resets themselves
         * pass, or with {@code direction: 'both'} the rule for one way would swallow the reset that the rule
         * for the other way sends.
         */
        REJECT
    }

    enum IpVersion { IPV4, IPV6 }

    /** One address the rules match; an empty address matches every address of that IP version. */
    record Peer(IpVersion version, Optional<String> address) {}

    /** Reads the options of a fault spec; a wrong one is a {@link DslException} with a sentence for the author. */
    static PartitionOptions of(FaultSpec spec) {
        if (!spec.args().isEmpty()) throw new DslException("firewall.partition takes only named options: " + USAGE);
        return of(spec.options());
    }

    static PartitionOptions of(Map<String, ?> options) {
        Options.requireKnown(options, KNOWN, "firewall.partition");
        int port = Options.port(options, "port").orElseThrow(() -> new DslException("firewall.partition needs a port: " + USAGE));
        Optional<String> host = Options.string(options, "host").map(String::strip);
        if (host.isPresent() && !host.get().equals("localhost") && !IPV4.matcher(host.get()).matches()) {
            throw new DslException("option host: '" + host.get() + "' is not an IPv4 address or 'localhost'"
                    + " (names are not resolved: a firewall rule matches addresses, and a name's addresses may change)");
        }
        Optional<String> netns = Options.string(options, "netns");
        if (netns.isPresent() && (!NETNS.matcher(netns.get()).matches() || netns.get().matches("\\.+"))) {
            throw new DslException("option netns: '" + netns.get() + "' is not a network namespace name"
                    + " (up to 64 letters, digits, '.', '_' or '-', as ip netns list shows it)");
        }
        return new PartitionOptions(port, host, choice(options, "direction", Direction.OUTBOUND),
                choice(options, "mode", Mode.DROP), netns);
    }

    /** localhost is both loopback addresses, since clients try ::1 as readily as 127.0.0.1; no host is any address. */
    List<Peer> peers() {
        if (host.isEmpty()) return List.of(new Peer(IpVersion.IPV4, Optional.empty()), new Peer(IpVersion.IPV6, Optional.empty()));
        if (host.get().equals("localhost")) {
            return List.of(new Peer(IpVersion.IPV4, Optional.of("127.0.0.1")), new Peer(IpVersion.IPV6, Optional.of("::1")));
        }
        return List.of(new Peer(IpVersion.IPV4, host));
    }

    /** {@code "drop TCP packets to 127.0.0.1:5432 in network namespace 'x'"}. */
    String summary() {
        String way = switch (direction) {
            case OUTBOUND -> "to";
            case INBOUND -> "from";
            case BOTH -> "to and from";
        };
        String peer = host.map(h -> h + ":" + port).orElse("port " + port + " of any host");
        return (mode == Mode.DROP ? "drop" : "reject") + " TCP packets " + way + " " + peer
                + (mode == Mode.REJECT ? " with a TCP reset" : "") + netns.map(n -> " in network namespace '" + n + "'").orElse("");
    }

    private static <E extends Enum<E>> E choice(Map<String, ?> options, String key, E fallback) {
        Optional<String> given = Options.string(options, key);
        if (given.isEmpty()) return fallback;
        List<String> words = Arrays.stream(fallback.getDeclaringClass().getEnumConstants()).map(PartitionOptions::word).toList();
        String word = given.get().strip().toLowerCase(Locale.ROOT);
        int index = words.indexOf(word);
        if (index < 0) {
            throw new DslException("option " + key + ": '" + given.get() + "' is not one of " + String.join(", ", words)
                    + Suggestions.didYouMean(word, words));
        }
        return fallback.getDeclaringClass().getEnumConstants()[index];
    }

    /** The word scripts write for a constant: {@code 'outbound'} for OUTBOUND. */
    private static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
