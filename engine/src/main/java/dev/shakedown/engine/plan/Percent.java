package dev.shakedown.engine.plan;

/** A share, written {@code 5.percent} in scripts; {@code fraction} is 0.05 for 5 %. */
public record Percent(double fraction) implements Comparable<Percent> {
    public static Percent of(double percent) {
        return new Percent(percent / 100.0);
    }

    public double percent() {
        return fraction * 100.0;
    }

    @Override
    public int compareTo(Percent o) {
        return Double.compare(fraction, o.fraction);
    }

    @Override
    public String toString() {
        double p = percent();
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}
