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
