package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.spi.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans built through the engine's Java API, as a Java user would. */
final class Plans {
    static final SourceRef HERE = new SourceRef("test.chaos.groovy", 1, 1);

    private Plans() {}

    static ExperimentPlan plan(List<ConditionSpec> conditions, Step... steps) {
        return new ExperimentPlan("test", Optional.empty(), Map.of(), List.of(), conditions, List.of(), SloSpec.SEED_DEFAULTS,
                Duration.ofMillis(100), List.of(new ScenarioPlan("s", List.of(steps), HERE)), List.of());
    }

    static ConditionSpec condition(String name, Probe probe) {
        return new ConditionSpec(name, Duration.ofMillis(10), probe, HERE);
    }

    static Step flip(String name) {
        return new Step.Inject(new FaultSpec("flip", List.of(name), Map.of(), HERE), HERE);
    }

    static Step flipFailing(String name) {
        return new Step.Inject(new FaultSpec("flip", List.of(name), Map.of("failApply", true), HERE), HERE);
    }

    static Step expect(String condition, Duration within) {
        return new Step.ExpectWithin(condition, within, HERE);
    }

    static Step hold(Duration d) {
        return new Step.Hold(d, HERE);
    }

    static Step recover() {
        return new Step.Recover(HERE);
    }

    static Step steady(String condition) {
        return new Step.SteadyState(condition, HERE);
    }
}
