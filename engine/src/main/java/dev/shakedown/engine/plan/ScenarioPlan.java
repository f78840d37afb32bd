package dev.shakedown.engine.plan;

import java.util.List;
import java.util.Optional;

/** A named sequence of steps, with SLO overrides that apply to this scenario only. */
public record ScenarioPlan(String name, List<Step> steps, Optional<SloSpec> slo, SourceRef source) {
    public ScenarioPlan {
        steps = List.copyOf(steps);
    }

    public ScenarioPlan(String name, List<Step> steps, SourceRef source) {
        this(name, steps, Optional.empty(), source);
    }

    public List<Step.Inject> injections() {
        return steps.stream().filter(Step.Inject.class::isInstance).map(Step.Inject.class::cast).toList();
    }
}
