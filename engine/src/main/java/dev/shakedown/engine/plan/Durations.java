package dev.shakedown.engine.plan;

import java.time.Duration;

/** Durations written the way scripts write them: {@code 30s}, {@code 500ms}, {@code 2min}. */
public final class Durations {
    private Durations() {}

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 60_000 == 0) return (ms / 60_000) + "min";
        if (ms != 0 && ms % 1000 == 0) return (ms / 1000) + "s";
        if (d.toNanos() % 1_000_000 != 0) return String.format("%.3fms", d.toNanos() / 1e6);
        return ms + "ms";
    }

    /** Parses {@code 250ms}, {@code 3s}, {@code 2min}, {@code 1h}, or ISO-8601 ({@code PT3S}). */
    public static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("PT") || t.startsWith("pt")) return Duration.parse(t.toUpperCase());
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        if (i == 0) throw new IllegalArgumentException("'" + text + "' is not a duration (try 500ms, 3s, 2min)");
        double n = Double.parseDouble(t.substring(0, i));
        String unit = t.substring(i).trim();
        double nanos = switch (unit) {
            case "ms" -> n * 1e6;
            case "s", "" -> n * 1e9;
            case "min", "m" -> n * 60e9;
            case "h" -> n * 3600e9;
            default -> throw new IllegalArgumentException(
                    "'" + text + "' has an unknown unit '" + unit + "' (use ms, s, min or h)");
        };
        return Duration.ofNanos(Math.round(nanos));
    }
}
