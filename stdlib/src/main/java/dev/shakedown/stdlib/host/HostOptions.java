package dev.shakedown.stdlib.host;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.Percent;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the options of the host faults as scripts write them ({@code 80.percent}, {@code 2.gb}), also in
 * their plain-text forms ({@code '80%'}, a number of bytes), so a {@code --param} value works too.
 */
final class HostOptions {
    private HostOptions() {}

    static Optional<Percent> percent(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof Percent p) return Optional.of(p);
        String text = value.toString().trim();
        try {
            if (text.endsWith("%")) return Optional.of(Percent.of(Double.parseDouble(text.substring(0, text.length() - 1).trim())));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DslException(what + ", option " + key + ": write a share such as 80.percent, not " + value);
    }

    static Optional<ByteSize> size(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof ByteSize s) return Optional.of(s);
        try {
            if (value instanceof Number n) return Optional.of(new ByteSize(n.longValue()));
            return Optional.of(new ByteSize(Long.parseLong(value.toString().trim())));
        } catch (IllegalArgumentException e) {
            throw new DslException(what + ", option " + key + ": write a size such as 512.mb or 2.gb, not " + value);
        }
    }

    static Optional<ByteRate> rate(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof ByteSize perSecond) return Optional.of(new ByteRate(perSecond.bytes())); // rate: 512.mb means per second
        try {
            return Optional.of(ByteRate.of(value));
        } catch (IllegalArgumentException e) {
            throw new DslException(what + ", option " + key + ": " + e.getMessage());
        }
    }

    static Optional<Integer> integer(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        try {
            return Optional.of(value instanceof Number n && n.doubleValue() == n.intValue()
                    ? n.intValue() : Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            throw new DslException(what + ", option " + key + ": '" + value + "' is not a whole number");
        }
    }
}
