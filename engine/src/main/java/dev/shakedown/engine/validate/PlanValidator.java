package dev.shakedown.engine.validate;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.ScheduleCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a plan before anything runs: names that refer to nothing, faults an injector rejects,
 * deadlines that cannot be met. Finds every problem at once rather than stopping at the first.
 */
public final class PlanValidator {
    private final Registry registry;

    public PlanValidator(Registry registry) {
        this.registry = registry;
    }

    public List<PlanProblem> validate(ExperimentPlan plan) {
        List<PlanProblem> problems = new ArrayList<>();
        checkResources(plan, problems);
        if (plan.scenarios().isEmpty()) {
            problems.add(new PlanProblem(plan.script().map(p -> new SourceRef(p.toString(), 0, 0)).orElse(SourceRef.UNKNOWN),
                    "the experiment has no scenario; add one: scenario 'name' { inject ...; recover }"));
        }
        Set<String> scenarioNames = new HashSet<>();
        for (ScenarioPlan scenario : plan.scenarios()) {
            if (!scenarioNames.add(scenario.name())) {
                problems.add(new PlanProblem(scenario.source(), "scenario '" + scenario.name() + "' is declared twice"));
            }
            checkSteps(plan, scenario, problems);
            scenario.aborts().forEach(a -> checkAbort(a, problems));
        }
        plan.aborts().forEach(a -> checkAbort(a, problems));
        plan.schedules().forEach(s -> checkSchedule(s, scenarioNames, problems));
        return problems;
    }

    private void checkSchedule(ScheduleSpec schedule, Set<String> scenarioNames, List<PlanProblem> problems) {
        for (String name : schedule.scenarios()) {
            if (!scenarioNames.contains(name)) {
                problems.add(new PlanProblem(schedule.source(), "schedule names no scenario '" + name + "'"
                        + Suggestions.didYouMean(name, scenarioNames)));
            }
        }
        for (ScheduleCheck check : registry.scheduleChecks()) {
            check.problems(schedule).forEach(m -> problems.add(new PlanProblem(schedule.source(), m)));
        }
    }

    private static void checkAbort(dev.shakedown.engine.plan.AbortSpec abort, List<PlanProblem> problems) {
        if (abort.every().isNegative() || abort.every().isZero()) {
            problems.add(new PlanProblem(abort.source(), "abort condition '" + abort.name() + "' must be asked at an interval above zero, not "
                    + format(abort.every())));
        }
    }

    private void checkResources(ExperimentPlan plan, List<PlanProblem> problems) {
        Set<String> names = new HashSet<>();
        for (ResourceSpec r : plan.resources()) {
            if (!names.add(r.name())) {
                problems.add(new PlanProblem(r.source(), "'" + r.name() + "' is declared twice"));
            }
            Optional<ResourceType> type = registry.resourceType(r.kind());
            if (type.isEmpty()) {
                problems.add(new PlanProblem(r.source(), "no library on the classpath starts resources of kind '" + r.kind() + "'"));
                continue;
            }
            type.get().validate(r).forEach(m -> problems.add(new PlanProblem(r.source(), m)));
        }
    }

    /** A fault held longer than a day is a typo (30.h for 30.s), not an experiment. */
    static final Duration LONGEST_HOLD = Duration.ofHours(24);

    private void checkSteps(ExperimentPlan plan, ScenarioPlan scenario, List<PlanProblem> problems) {
        List<String> conditionNames = plan.conditions().stream().map(c -> c.name()).toList();
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Inject inject) {
                checkFault(plan, inject, problems);
            } else if (step instanceof Step.ExpectWithin expect) {
                checkCondition(expect.condition(), conditionNames, step.source(), problems);
                checkDeadline(plan, expect, problems);
            } else if (step instanceof Step.SteadyState steady) {
                checkCondition(steady.condition(), conditionNames, step.source(), problems);
            } else if (step instanceof Step.Hold hold && hold.duration().isNegative()) {
                problems.add(new PlanProblem(step.source(), "hold needs a duration of zero or more"));
            } else if (step instanceof Step.Hold hold && hold.duration().compareTo(LONGEST_HOLD) > 0) {
                problems.add(new PlanProblem(step.source(), "a hold of " + format(hold.duration()) + " is absurd: a hold may last at most a day"));
            }
        }
    }

    private void checkFault(ExperimentPlan plan, Step.Inject inject, List<PlanProblem> problems) {
        String type = inject.fault().type();
        Optional<Injector> injector = registry.injector(type);
        if (injector.isEmpty()) {
            problems.add(new PlanProblem(inject.source(), "unknown fault '" + type + "'"
                    + Suggestions.didYouMean(type, registry.injectors().stream().map(Injector::name).toList())));
            return;
        }
        injector.get().validate(inject.fault(), plan).forEach(m -> problems.add(new PlanProblem(inject.source(), m)));
    }

    private static void checkDeadline(ExperimentPlan plan, Step.ExpectWithin expect, List<PlanProblem> problems) {
        if (expect.within().isZero() || expect.within().isNegative()) {
            problems.add(new PlanProblem(expect.source(), "a deadline must be above zero, not " + format(expect.within())));
            return;
        }
        plan.condition(expect.condition()).ifPresent(c -> {
            if (c.every().compareTo(expect.within()) > 0) {
                problems.add(new PlanProblem(expect.source(), "condition '" + c.name() + "' is checked every "
                        + format(c.every()) + ", so a deadline of " + format(expect.within())
                        + " cannot be judged; check it more often (every: ...) or allow more time"));
            }
        });
    }

    private static void checkCondition(String name, List<String> known, SourceRef where, List<PlanProblem> problems) {
        if (!known.contains(name)) {
            problems.add(new PlanProblem(where, "unknown condition '" + name + "'" + Suggestions.didYouMean(name, known)));
        }
    }

    private static String format(Duration d) {
        return dev.shakedown.engine.plan.Durations.format(d);
    }
}
