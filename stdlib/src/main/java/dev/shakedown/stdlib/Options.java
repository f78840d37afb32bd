package dev.shakedown.stdlib;

import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads named options as scripts write them: values arrive as Groovy made them (a GString for a string,
 * an Integer for a port, a Duration from {@code 2.s}), so every reader accepts the plain-text form too.
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
