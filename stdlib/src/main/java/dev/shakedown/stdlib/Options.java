package dev.shakedown.stdlib;

import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.Percent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads named options as scripts write them: values arrive as Groovy made them (a GString for a string,
 * an Integer for a port, a Duration from {@code 2.s}, a ByteSize from {@code 2.gb}), so every reader
 * accepts the plain-text form too (a {@code --param} value arrives as text).
 * A wrong option is a mistake in the script, hence {@link DslException}.
 */
public final class Options {
    private Options() {}

    public static void requireKnown(Map<String, ?> options, Set<String> known, String what) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new DslException("unknown option '" + key + "' for " + what + Suggestions.didYouMean(key, known)
                        + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    public static Optional<String> string(Map<String, ?> options, String key) {
        return Optional.ofNullable(options.get(key)).map(Object::toString);
    }

    public static Optional<Duration> duration(Map<String, ?> options, String key) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof Duration d) return Optional.of(d);
        try {
            return Optional.of(Durations.parse(value.toString()));
        } catch (RuntimeException e) {
            throw new DslException("option " + key + ": " + e.getMessage());
        }
    }

    public static OptionalInt port(Map<String, ?> options, String key) {
        Object value = options.get(key);
        if (value == null) return OptionalInt.empty();
        try {
            int port = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (port >= 1 && port <= 65535) return OptionalInt.of(port);
        } catch (NumberFormatException e) {
            // reported below, with the value the script gave
        }
        throw new DslException("option " + key + ": '" + value + "' is not a TCP port (1-65535)");
    }

    /** {@code 80.percent}, or as text {@code '80%'} or {@code '80'} (a --param value), or a number of percent. */
    public static Optional<Percent> percent(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof Percent p) return Optional.of(p);
        if (value instanceof Number n) return Optional.of(Percent.of(n.doubleValue()));
        String text = value.toString().trim();
        if (text.endsWith("%")) text = text.substring(0, text.length() - 1).trim();
        try {
            return Optional.of(Percent.of(Double.parseDouble(text)));
        } catch (NumberFormatException e) {
            throw new DslException(what + ", option " + key + ": write a share such as 80.percent, not " + value);
        }
    }

    /** {@code 512.mb}, or as text {@code '512mb'}, or a number of bytes. */
    public static Optional<ByteSize> size(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof ByteSize s) return Optional.of(s);
        try {
            if (value instanceof Number n) return Optional.of(new ByteSize(n.longValue()));
            return Optional.of(ByteSize.parse(value.toString()));
        } catch (IllegalArgumentException e) {
            throw new DslException(what + ", option " + key + ": write a size such as 512.mb or 2.gb, not " + value);
        }
    }

    /** {@code 64.kbps}, a size per second ({@code rate: 512.mb}), or what {@link ByteRate#of} reads. */
    public static Optional<ByteRate> rate(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        if (value instanceof ByteSize perSecond) return Optional.of(new ByteRate(perSecond.bytes()));
        try {
            return Optional.of(ByteRate.of(value));
        } catch (IllegalArgumentException e) {
            throw new DslException(what + ", option " + key + ": " + e.getMessage());
        }
    }

    public static Optional<Integer> integer(Map<String, ?> options, String key, String what) {
        Object value = options.get(key);
        if (value == null) return Optional.empty();
        try {
            return Optional.of(value instanceof Number n && n.doubleValue() == n.intValue()
                    ? n.intValue() : Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            throw new DslException(what + ", option " + key + ": '" + value + "' is not a whole number");
        }
    }

    public static boolean bool(Map<String, ?> options, String key, boolean fallback) {
        Object value = options.get(key);
        if (value == null) return fallback;
        if (value instanceof Boolean b) return b;
        return switch (value.toString().trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DslException("option " + key + ": '" + value + "' is neither true nor false");
        };
    }
}
