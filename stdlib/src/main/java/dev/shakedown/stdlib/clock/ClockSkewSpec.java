package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.stdlib.probe.ProcessRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code clockSkew('guardian', +30.s)} read from its fault spec: the process and the relative offset. Knows
 * the problems of the arguments themselves; whether the process exists is the injector's business.
 */
record ClockSkewSpec(Optional<String> target, Optional<Duration> offset, List<String> problems) {
    static final String NAME = "clockSkew";
    static final String EXAMPLE = "clockSkew('guardian', +30.s) or clockSkew('guardian', -5.s)";
    /** Beyond a year either way an offset is a typo (30.days for 30.s), not an experiment. */
    static final Duration LIMIT = Duration.ofDays(365);

    static ClockSkewSpec of(FaultSpec spec) {
        List<String> problems = new ArrayList<>();
        for (String option : spec.options().keySet()) {
            problems.add("unknown option '" + option + "' for clockSkew: it takes no named options, only a process and an offset: " + EXAMPLE);
        }
        Optional<String> target = spec.args().isEmpty() || spec.args().get(0) == null
                ? Optional.empty() : Optional.of(name(spec.args().get(0)));
        if (target.isEmpty()) problems.add("clockSkew needs the name of a process and an offset: " + EXAMPLE);
        Optional<Duration> offset = Optional.empty();
        if (target.isPresent() && spec.args().size() < 2) {
            problems.add("clockSkew('" + target.get() + "') needs an offset to shift the clock by: " + EXAMPLE);
        } else if (spec.args().size() >= 2) {
            offset = offset(spec.args().get(1), problems);
        }
        if (spec.args().size() > 2) problems.add("clockSkew takes a process and an offset, nothing more: " + EXAMPLE);
        offset.ifPresent(o -> checkOffset(o, problems));
        return new ClockSkewSpec(target, offset, List.copyOf(problems));
    }

    /** The offset of a spec that has been validated. */
    Duration requireOffset() {
        return offset.orElseThrow(() -> new IllegalArgumentException(String.join("; ", problems)));
    }

    String requireTarget() {
        return target.orElseThrow(() -> new IllegalArgumentException(String.join("; ", problems)));
    }

    /** {@code +30s}, {@code -2.5s}, {@code +2h}, {@code -400d}: signed, in the largest unit that divides it. */
    static String format(Duration offset) {
        String sign = offset.isNegative() ? "-" : "+";
        long millis = offset.abs().toMillis();
        if (millis == 0 || millis % 1000 != 0) return sign + BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
        long seconds = millis / 1000;
        if (seconds % 86_400 == 0) return sign + seconds / 86_400 + "d";
        if (seconds % 3600 == 0) return sign + seconds / 3600 + "h";
        if (seconds % 60 == 0) return sign + seconds / 60 + "min";
        return sign + seconds + "s";
    }

    /** {@code processes.guardian} works as well as {@code 'guardian'}. */
    private static String name(Object target) {
        return target instanceof ProcessRef ref ? ref.getName() : String.valueOf(target);
    }

    /** A Duration from the DSL ({@code +30.s}), or text from a {@code --param} ({@code "-5s"}). */
    private static Optional<Duration> offset(Object value, List<String> problems) {
        if (value instanceof Duration d) return Optional.of(d);
        if (value instanceof CharSequence text) {
            String t = text.toString().trim();
            boolean negative = t.startsWith("-");
            if (negative || t.startsWith("+")) t = t.substring(1);
            try {
                Duration d = Durations.parse(t);
                return Optional.of(negative ? d.negated() : d);
            } catch (RuntimeException e) {
                // reported below with the value as written
            }
        }
        problems.add("the offset of clockSkew must be a duration such as +30.s or -5.s, not '" + value + "'");
        return Optional.empty();
    }

    private static void checkOffset(Duration offset, List<String> problems) {
        if (offset.isZero()) {
            problems.add("a zero offset changes nothing; give clockSkew an offset such as +30.s or -5.s");
        } else if (offset.abs().compareTo(LIMIT) > 0) {
            problems.add("an offset of " + format(offset) + " is absurd: clockSkew shifts a clock by at most 365 days either way");
        } else if (offset.toNanos() % 1_000_000 != 0) {
            problems.add("clockSkew offsets are whole milliseconds; " + Durations.format(offset) + " has a fraction of one");
        }
    }
}
