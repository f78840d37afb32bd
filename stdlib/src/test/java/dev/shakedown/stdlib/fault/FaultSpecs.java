package dev.shakedown.stdlib.fault;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fault specs and plans as a script would build them. */
public final class FaultSpecs {
    private FaultSpecs() {}

    public static FaultSpec fault(String type, String target) {
        return new FaultSpec(type, List.of(target), Map.of(), SourceRef.UNKNOWN);
    }

    public static FaultSpec kill(String target) {
        return fault("kill", target);
    }

    public static ExperimentPlan planWith(ResourceSpec... resources) {
        return new ExperimentPlan("test", Optional.empty(), Map.of(), List.of(resources), List.of(), List.of(),
                SloSpec.SEED_DEFAULTS, ExperimentPlan.DEFAULT_MONITOR_EVERY, List.of(), List.of());
    }
}
