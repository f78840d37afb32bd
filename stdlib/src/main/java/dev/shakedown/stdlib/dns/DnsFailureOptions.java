package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.stdlib.Options;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code dnsFailure(name, mode: 'nxdomain' | 'servfail' | 'timeout')}, {@code dnsFailure(name, latency: 2.s)}
 * or {@code dnsFailure(name, answer: '127.0.0.99')}: exactly one of the three says what the fault does.
 */
final class DnsFailureOptions {
    static final String MODE = "mode";
    static final String LATENCY = "latency";
    static final String ANSWER = "answer";
    static final String USAGE = "dnsFailure('svc.internal', mode: 'nxdomain')";
    /** Longer is a typo, or a different fault: {@code mode: 'timeout'} never answers at all. */
    static final Duration MAX_LATENCY = Duration.ofMinutes(1);
    private static final Map<String, NameFault> MODES = Map.of(
            "nxdomain", new NameFault.NxDomain(), "servfail", new NameFault.ServFail(), "timeout", new NameFault.Silence());

    private DnsFailureOptions() {}

    /** The record name the fault is aimed at. */
    static String name(FaultSpec spec) {
        if (spec.args().size() != 1) throw new DslException("dnsFailure takes the name of one dns record, then one option: " + USAGE);
        return DnsNames.normalize(spec.target());
    }

    /** What the fault does; a {@link DslException} with a sentence for a bad value. */
    static NameFault fault(FaultSpec spec) {
        Map<String, Object> options = spec.options();
        Options.requireKnown(options, Set.of(MODE, LATENCY, ANSWER), "dnsFailure");
        List<String> given = Stream.of(MODE, LATENCY, ANSWER).filter(options::containsKey).toList();
        if (given.size() != 1) {
            throw new DslException("dnsFailure takes exactly one of mode: ('nxdomain', 'servfail', 'timeout'), latency: 2.s"
                    + " or answer: '127.0.0.99'" + (given.isEmpty() ? "" : ", not " + String.join(" and ", given.stream().map(g -> g + ":").toList())));
        }
        return switch (given.get(0)) {
            case MODE -> mode(String.valueOf(options.get(MODE)));
            case LATENCY -> new NameFault.Latency(latency(options));
            default -> new NameFault.WrongAnswer(DnsNames.address(options.get(ANSWER), "dnsFailure, option answer"));
        };
    }

    private static NameFault mode(String mode) {
        NameFault fault = MODES.get(mode.trim().toLowerCase(Locale.ROOT));
        if (fault == null) {
            throw new DslException("unknown mode '" + mode + "' for dnsFailure" + Suggestions.didYouMean(mode, MODES.keySet())
                    + " (known: nxdomain, servfail, timeout)");
        }
        return fault;
    }

    private static Duration latency(Map<String, Object> options) {
        Duration latency = Options.duration(options, LATENCY).orElseThrow();
        if (latency.isNegative() || latency.isZero()) {
            throw new DslException("dnsFailure latency must be above zero, not " + Durations.format(latency));
        }
        if (latency.compareTo(MAX_LATENCY) > 0) {
            throw new DslException("dnsFailure latency of " + Durations.format(latency) + " is too long (at most "
                    + Durations.format(MAX_LATENCY) + "); for queries that are never answered, use mode: 'timeout'");
        }
        return latency;
    }
}
