package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** clockSkew specs and plans as a script would build them. */
final class ClockPlans {
    private ClockPlans() {}

    static FaultSpec clockSkew(Object... args) {
        return new FaultSpec("clockSkew", List.of(args), Map.of(), SourceRef.UNKNOWN);
    }

    static FaultSpec clockSkew(String target, Duration offset) {
        return clockSkew(new Object[] {target, offset});
    }

    /** A plan that declares the resources and has one scenario injecting each fault. */
    static ExperimentPlan plan(List<ResourceSpec> resources, FaultSpec... faults) {
        List<Step> steps = java.util.Arrays.stream(faults).<Step>map(f -> new Step.Inject(f, SourceRef.UNKNOWN)).toList();
        return new ExperimentPlan("test", Optional.empty(), Map.of(), resources, List.of(), List.of(), SloSpec.SEED_DEFAULTS,
                ExperimentPlan.DEFAULT_MONITOR_EVERY, List.of(new ScenarioPlan("skew", steps, SourceRef.UNKNOWN)), List.of());
    }
}
