package dev.shakedown.engine.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data rate. Scripts write {@code 64.kbps}, {@code 1.mbps}, {@code 1.gbps} (bits per second, as networks
 * count them, k = 1000), a number of bytes per second, or a text with a unit: bits per second
 * ({@code '64kbps'}) or bytes per second ({@code '512KB/s'}, {@code '2MiB/s'}). Prefixes are decimal
 * (k = 1000) except the binary ones (KiB = 1024).
 */
public record ByteRate(double bytesPerSecond) {
    private static final Pattern TEXT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)(bps|B/s)");

    public ByteRate {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("a rate must be above zero, not " + bytesPerSecond + " bytes per second");
        }
    }

    public static ByteRate bitsPerSecond(double bits) {
        return new ByteRate(bits / 8);
    }

    /** A {@code ByteRate}, a number of bytes per second, or a text such as {@code '64kbps'} or {@code '512KB/s'}. */
    public static ByteRate of(Object value) {
        if (value instanceof ByteRate rate) return rate;
        if (value instanceof Number bytes) return new ByteRate(bytes.doubleValue());
        return parse(String.valueOf(value));
    }

    public static ByteRate parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; write bytes per second as a number, "
                    + "or a text like '64kbps', '1mbps' (bits) or '512KB/s', '1MiB/s' (bytes)");
        }
        double amount = Double.parseDouble(m.group(1)) * multiplier(m.group(2), text);
        return m.group(3).equals("bps") ? bitsPerSecond(amount) : new ByteRate(amount);
    }

    private static double multiplier(String prefix, String text) {
        return switch (prefix) {
            case "" -> 1;
            case "k", "K" -> 1e3;
            case "m", "M" -> 1e6;
            case "g", "G" -> 1e9;
            case "Ki" -> 1024;
            case "Mi" -> 1024 * 1024;
            case "Gi" -> 1024.0 * 1024 * 1024;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown prefix '" + prefix
                    + "' (use k, M, G, or Ki, Mi, Gi)");
        };
    }

    /** Bytes per second with a decimal prefix, e.g. {@code 8 KB/s} for 64 kbit/s. */
    @Override
    public String toString() {
        String[] prefixes = {"", "K", "M", "G"};
        double value = bytesPerSecond;
        int i = 0;
        while (value >= 1000 && i < prefixes.length - 1) {
            value /= 1000;
            i++;
        }
        String number = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return number + " " + prefixes[i] + "B/s";
    }
}
