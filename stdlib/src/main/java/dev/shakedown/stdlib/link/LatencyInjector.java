package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.ArgumentType;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code latency('db', 200.ms, jitter: 50.ms)}: every chunk of data is held for the delay, plus or minus a
 * uniform jitter, counted from when it reached the proxy (so delays never pile up); order is kept.
 */
public final class LatencyInjector extends LinkInjector {
    private static final String JITTER = "jitter";
    /** Longer than a minute, data is not late but gone: that is {@code timeout}. */
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    public LatencyInjector() {
        super("latency", "delay the data on a link: latency('db', 200.ms, jitter: 50.ms)",
                "latency('db', 200.ms, jitter: 50.ms)", List.of(new ArgumentType("a delay such as 200.ms", Duration.class, CharSequence.class)), Set.of(JITTER));
    }

    @Override
    Effect effect(FaultSpec spec) {
        String instead = "; to stop data, use timeout('" + spec.target() + "')";
        Duration delay = duration(spec.args().get(1), "the delay", false, MAX_DELAY, instead);
        Duration jitter = duration(spec.options().getOrDefault(JITTER, Duration.ZERO), "jitter", true, MAX_DELAY, instead);
        if (jitter.compareTo(delay) > 0) {
            throw new IllegalArgumentException("jitter must not exceed the delay (data cannot arrive before it was sent)");
        }
        return new Effect.Delay(delay, jitter);
    }
}
