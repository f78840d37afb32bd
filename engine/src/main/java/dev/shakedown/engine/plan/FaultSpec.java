package dev.shakedown.engine.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A fault as the script wrote it: the injector's name ({@code kill}), its positional arguments
 * ({@code 'guardian'}) and its named arguments. Which injector gives it meaning is decided by name.
 */
public record FaultSpec(String type, List<Object> args, Map<String, Object> options, SourceRef source) {
    public FaultSpec {
        args = List.copyOf(args);
        options = Map.copyOf(options);
    }

    /** The first positional argument as a string: for most faults, the name of the target. */
    public String target() {
        return args.isEmpty() ? null : String.valueOf(args.get(0));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type).append('(');
        String sep = "";
        for (Object a : args) {
            sb.append(sep).append(literal(a));
            sep = ", ";
        }
        for (var e : options.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ").append(literal(e.getValue()));
            sep = ", ";
        }
        return sb.append(')').toString();
    }

    /** As a script would write the value: {@code 'text'}, {@code 2s}. */
    private static String literal(Object value) {
        if (value instanceof String) return "'" + value + "'";
        if (value instanceof Duration d) return Durations.format(d);
        return String.valueOf(value);
    }
}
