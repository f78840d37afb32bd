package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.Step;

/** What a plan says about clocks: which processes some scenario skews, which processes are attached to. */
final class SkewedProcesses {
    private SkewedProcesses() {}

    /** True if any scenario of the plan injects {@code clockSkew} into the named process. */
    static boolean skews(ExperimentPlan plan, String process) {
        for (ScenarioPlan scenario : plan.scenarios()) {
            for (Step.Inject inject : scenario.injections()) {
                FaultSpec fault = inject.fault();
                if (fault.type().equals(ClockSkewSpec.NAME) && ClockSkewSpec.of(fault).target().filter(process::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The process resource's own rule: {@code match:} or {@code pidFile:} attaches, {@code command:} launches. */
    static boolean attached(ResourceSpec resource) {
        return resource.options().containsKey("match") || resource.options().containsKey("pidFile");
    }
}
