package dev.shakedown.engine.plan;

/** Events per second, written {@code 50.perSecond} in scripts. */
public record Rate(double perSecond) {
    public Rate {
        if (!(perSecond > 0)) throw new IllegalArgumentException("a rate must be above zero, not " + perSecond);
    }

    @Override
    public String toString() {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
    }
}
