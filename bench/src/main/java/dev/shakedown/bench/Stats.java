package dev.shakedown.bench;

import java.util.List;

/** Median, p99 and max of a sample, nearest-rank. */
record Stats(int n, double median, double p99, double max) {
    static Stats of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) throw new IllegalArgumentException("no samples");
        return new Stats(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    String format(String unit) {
        return String.format("n=%d median=%.3f %s p99=%.3f %s max=%.3f %s", n, median, unit, p99, unit, max, unit);
    }
}
