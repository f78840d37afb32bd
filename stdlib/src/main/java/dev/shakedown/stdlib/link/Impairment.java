package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.Percent;

/**
 * One fault as the proxy applies it: an effect, the direction it acts in, and the share of connections
 * it selects ({@code toxicity}, 0 to 1). Compared by identity: the same fault applied twice is two faults.
 */
final class Impairment {
    private final Effect effect;
    private final Direction direction;
    private final double toxicity;

    Impairment(Effect effect, Direction direction, double toxicity) {
        if (!(toxicity >= 0 && toxicity <= 1)) throw new IllegalArgumentException("toxicity must be within 0-100 %");
        this.effect = effect;
        this.direction = direction;
        this.toxicity = toxicity;
    }

    Effect effect() {
        return effect;
    }

    Direction direction() {
        return direction;
    }

    double toxicity() {
        return toxicity;
    }

    @Override
    public String toString() {
        String where = switch (direction) {
            case UPSTREAM -> " from client to server";
            case DOWNSTREAM -> " from server to client";
            case BOTH -> "";
        };
        String share = toxicity == 1 ? "" : " on " + new Percent(toxicity) + " of the connections (chosen at random)";
        return effect.describe() + where + share;
    }
}
