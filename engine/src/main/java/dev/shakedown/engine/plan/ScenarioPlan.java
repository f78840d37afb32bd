package dev.shakedown.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * A named sequence of steps, with SLO overrides and abort conditions that apply to this scenario only.
 */
public record ScenarioPlan(String name, List<Step> steps, Optional<SloSpec> slo, SourceRef source, List<AbortSpec> aborts) {
    public ScenarioPlan {
        steps = List.copyOf(steps);
        aborts = List.copyOf(aborts);
    }

    public ScenarioPlan(String name, List<Step> steps, Optional<SloSpec> slo, SourceRef source) {
        this(name, steps, slo, source, List.of());
    }

    public ScenarioPlan(String name, List<Step> steps, SourceRef source) {
        this(name, steps, Optional.empty(), source, List.of());
    }

    public List<Step.Inject> injections() {
        return steps.stream().filter(Step.Inject.class::isInstance).map(Step.Inject.class::cast).toList();
    }
}
