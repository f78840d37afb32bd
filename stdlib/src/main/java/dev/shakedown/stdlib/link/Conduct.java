package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.ByteRate;
import java.util.Collection;
import java.util.Optional;

/**
 * How one direction of one connection carries data, given the faults that selected the connection:
 * stalled or not, how long each chunk is held (delays add up), and the tightest rate limit.
 */
record Conduct(boolean stalled, long delayNanos, long jitterNanos, Optional<ByteRate> rate) {
    static final Conduct FREE = new Conduct(false, 0, 0, Optional.empty());

    static Conduct of(Collection<Impairment> selecting, Direction flow) {
        boolean stalled = false;
        long delay = 0;
        long jitter = 0;
        Optional<ByteRate> rate = Optional.empty();
        for (Impairment impairment : selecting) {
            if (!impairment.direction().covers(flow)) continue;
            Effect effect = impairment.effect();
            if (effect instanceof Effect.Stall) {
                stalled = true;
            } else if (effect instanceof Effect.Delay d) {
                delay += d.delay().toNanos();
                jitter += d.jitter().toNanos();
            } else if (effect instanceof Effect.Throttle t && rate.map(r -> t.rate().bytesPerSecond() < r.bytesPerSecond()).orElse(true)) {
                rate = Optional.of(t.rate());
            }
        }
        return new Conduct(stalled, delay, jitter, rate);
    }

    boolean delayed() {
        return delayNanos > 0;
    }
}
