package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.ArgumentType;
import java.util.List;
import java.util.Set;

/**
 * {@code bandwidth('db', '64kbps')}: each selected connection carries at most the rate in each direction
 * the fault covers. The rate is a {@link ByteRate}, a number of bytes per second, or a text such as
 * {@code '64kbps'} or {@code '512KB/s'}.
 */
public final class BandwidthInjector extends LinkInjector {
    private static final double MIN_BYTES_PER_SECOND = 1;
    /** Above this, a limit limits nothing a loopback proxy could carry: a typo for a smaller unit. */
    private static final double MAX_BYTES_PER_SECOND = 10e9;

    public BandwidthInjector() {
        super("bandwidth", "limit the rate of each connection on a link: bandwidth('db', '64kbps') or bandwidth('db', 8000) (bytes/s)",
                "bandwidth('db', '64kbps')",
                List.of(new ArgumentType("a rate such as '64kbps' or 8000 (bytes/s)", ByteRate.class, CharSequence.class, Number.class)), Set.of());
    }

    @Override
    Effect effect(FaultSpec spec) {
        Object value = spec.args().get(1);
        ByteRate rate;
        try {
            rate = ByteRate.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bandwidth: " + e.getMessage());
        }
        if (rate.bytesPerSecond() < MIN_BYTES_PER_SECOND || rate.bytesPerSecond() > MAX_BYTES_PER_SECOND) {
            throw new IllegalArgumentException("bandwidth must lie between 1 B/s and 10 GB/s, not " + rate);
        }
        return new Effect.Throttle(rate);
    }
}
