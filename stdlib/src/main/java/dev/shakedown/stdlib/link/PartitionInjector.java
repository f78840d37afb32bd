package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.FaultSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code partition('db')}: a blackhole, nothing flows; connections stay open and resume on heal.
 * {@code partition('db', mode: 'reset')}: every connection is reset (RST), new ones too.
 */
public final class PartitionInjector extends LinkInjector {
    private static final String MODE = "mode";

    public PartitionInjector() {
        super("partition", "cut a link: nothing flows (mode: 'blackhole', default) or every connection is reset (mode: 'reset')",
                "partition('db') or partition('db', mode: 'reset')", List.of(), Set.of(MODE));
    }

    @Override
    Effect effect(FaultSpec spec) {
        String mode = String.valueOf(spec.options().getOrDefault(MODE, "blackhole")).trim();
        return switch (mode) {
            case "blackhole" -> new Effect.Stall(Optional.empty());
            case "reset" -> new Effect.Reset();
            default -> throw new IllegalArgumentException("partition mode must be 'blackhole' or 'reset', not '" + mode + "'");
        };
    }
}
