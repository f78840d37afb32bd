package dev.shakedown.engine.plan;

/**
 * An amount of memory or disk, written {@code 64.kb}, {@code 128.mb}, {@code 2.gb} in scripts. The
 * prefixes are binary (1.mb is 1,048,576 bytes), as {@code free -m} and {@code df -m} count.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
    public static final long KB = 1024;
    public static final long MB = KB * 1024;
    public static final long GB = MB * 1024;

    public ByteSize {
        if (bytes < 0) throw new IllegalArgumentException("a size cannot be negative, not " + bytes + " bytes");
    }

    /** {@code 2gb}, {@code 512mb}, {@code 64kb} (binary, as the literals), or a plain number of bytes. */
    public static ByteSize parse(String text) {
        String t = text.trim().toLowerCase();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        String unit = t.substring(i).trim();
        long multiplier = switch (unit) {
            case "", "b" -> 1;
            case "kb", "k" -> KB;
            case "mb", "m" -> MB;
            case "gb", "g" -> GB;
            default -> throw new IllegalArgumentException("'" + text + "' is not a size (try 512mb, 2gb, 64kb)");
        };
        try {
            return new ByteSize(new java.math.BigDecimal(t.substring(0, i)).multiply(java.math.BigDecimal.valueOf(multiplier))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (try 512mb, 2gb, 64kb)");
        }
    }

    @Override
    public int compareTo(ByteSize o) {
        return Long.compare(bytes, o.bytes);
    }

    /** The largest unit that keeps it readable: {@code 64 MB}, {@code 1.5 GB}, {@code 512 bytes}. */
    @Override
    public String toString() {
        if (bytes >= GB) return trim(bytes / (double) GB) + " GB";
        if (bytes >= MB) return trim(bytes / (double) MB) + " MB";
        if (bytes >= KB) return trim(bytes / (double) KB) + " KB";
        return bytes + " bytes";
    }

    private static String trim(double v) {
        String s = String.format("%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }
}
