package dev.shakedown.dsl;

import dev.shakedown.engine.evidence.Secrets;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.validate.Suggestions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Script parameters: {@code param('hold', 30.s)} reads {@code --param hold=3s}, parsed by the type of the
 * default. Remembers what the script asked for, so that a {@code --param} nobody asked for (a typo that
 * would otherwise be silently ignored) is an error, and so that the evidence records the values used.
 */
final class Params {
    /** The types a default may have; a default of null makes an optional text. */
    private static final List<Class<?>> PARSABLE = List.of(Duration.class, Percent.class, ByteSize.class, Boolean.class, Number.class, CharSequence.class);

    private final Map<String, String> given;
    private final Map<String, String> resolved = new LinkedHashMap<>();

    Params(Map<String, String> given) {
        this.given = Map.copyOf(given);
    }

    /** The value for {@code name}: the given text parsed like {@code fallback}, or {@code fallback} itself. */
    Object resolve(String name, Object fallback, CallSite call) {
        if (fallback != null && PARSABLE.stream().noneMatch(type -> type.isInstance(fallback))) {
            throw call.error("a parameter's default must be a duration, percent, number, boolean or string, not " + CallSite.shown(fallback));
        }
        String text = given.get(name);
        if (text == null) {
            resolved.put(name, String.valueOf(fallback instanceof Duration d ? Durations.format(d) : fallback));
            return fallback;
        }
        resolved.put(name, text);
        if (Secrets.looksSecret(name)) Secrets.register(text);
        try {
            return parse(text.trim(), fallback);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw call.error("--param " + name + "=" + Secrets.redact(text) + ": " + Secrets.redact(e.getMessage()));
        }
    }

    /** A parameter without a default must be given. */
    String require(String name, CallSite call) {
        String text = given.get(name);
        if (text == null) throw call.error("parameter '" + name + "' has no default; pass --param " + name + "=...");
        resolved.put(name, text);
        if (Secrets.looksSecret(name)) Secrets.register(text);
        return text;
    }

    /** The value of every parameter the script asked for, as text, for the evidence. */
    Map<String, String> resolved() {
        return resolved;
    }

    /** One message per {@code --param} that no {@code param(...)} asked for. */
    List<String> unknown() {
        return given.keySet().stream().filter(k -> !resolved.containsKey(k)).sorted().map(this::unknownMessage).toList();
    }

    private String unknownMessage(String name) {
        String known = resolved.isEmpty() ? "the script asks for no parameters" : "the script asks for: " + String.join(", ", resolved.keySet());
        return "unknown parameter --param " + name + Suggestions.didYouMean(name, resolved.keySet()) + " (" + known + ")";
    }

    private static Object parse(String text, Object fallback) {
        if (fallback instanceof Duration) return duration(text);
        if (fallback instanceof Percent) return Percent.of(number(text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text).doubleValue());
        if (fallback instanceof ByteSize) return ByteSize.parse(text);
        if (fallback instanceof Boolean) return bool(text);
        if (fallback instanceof Number n) return sameKind(number(text), n);
        return text;
    }

    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (NumberFormatException e) { // "1.2.3s": the engine's own message would be about the digits
            throw new IllegalArgumentException("'" + text + "' is not a duration (try 500ms, 3s, 2min)");
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** {@code param('rps', 50)} gives an Integer, {@code param('ratio', 0.5)} a BigDecimal, like the literal would. */
    private static Number sameKind(BigDecimal value, Number fallback) {
        try {
            if (fallback instanceof Integer) return value.intValueExact();
            if (fallback instanceof Long) return value.longValueExact();
            if (fallback instanceof BigInteger) return value.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + value.toPlainString() + "' is not a whole number in range");
        }
        if (fallback instanceof Double || fallback instanceof Float) return value.doubleValue();
        return value;
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) return true;
        if (text.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException("'" + text + "' is not true or false");
    }
}
