package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.FaultCategory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code timeout('db')}: data stops and connections hang, as with a dependency that no longer answers;
 * {@code timeout('db', after: 2.s)}: and each selected connection is closed 2 s after it stalled.
 */
public final class TimeoutInjector extends LinkInjector {
    private static final String AFTER = "after";
    private static final Duration MAX_AFTER = Duration.ofHours(1);

    public TimeoutInjector() {
        super("timeout", "stall the data on a link; with after:, close the stalled connections after that long",
                "timeout('db') or timeout('db', after: 2.s)", List.of(), Set.of(AFTER));
    }

    /** A dependency that stops answering is the seed's database timeout, an infrastructure fault, not a partition. */
    @Override
    public FaultCategory category() {
        return FaultCategory.INFRASTRUCTURE;
    }

    @Override
    Effect effect(FaultSpec spec) {
        Object after = spec.options().get(AFTER);
        return new Effect.Stall(after == null ? Optional.empty()
                : Optional.of(duration(after, "after", false, MAX_AFTER, "; without after:, connections hang until recover")));
    }
}
