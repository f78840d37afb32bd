package dev.shakedown.engine.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run needs, built once from a script (or by hand through the Java API) and never changed.
 *
 * @param params the resolved script parameters, as strings, for the evidence
 * @param aborts abort conditions that apply to every scenario (a scenario may add its own)
 * @param includes the files the script included, each once, in the order they were first included
 */
public record ExperimentPlan(
        String component,
        Optional<Path> script,
        Map<String, String> params,
        List<ResourceSpec> resources,
        List<ConditionSpec> conditions,
        List<LoadSpec> loads,
        SloSpec slo,
        Duration monitorEvery,
        List<ScenarioPlan> scenarios,
        List<ScheduleSpec> schedules,
        List<AbortSpec> aborts,
        List<IncludedFile> includes) {

    public static final Duration DEFAULT_MONITOR_EVERY = Duration.ofMillis(500);

    public ExperimentPlan {
        params = Map.copyOf(dev.shakedown.engine.evidence.Secrets.maskParams(params));
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
        loads = List.copyOf(loads);
        scenarios = List.copyOf(scenarios);
        schedules = List.copyOf(schedules);
        aborts = List.copyOf(aborts);
        includes = List.copyOf(includes);
    }

    /** A plan whose script includes no other file. */
    public ExperimentPlan(String component, Optional<Path> script, Map<String, String> params, List<ResourceSpec> resources,
                          List<ConditionSpec> conditions, List<LoadSpec> loads, SloSpec slo, Duration monitorEvery,
                          List<ScenarioPlan> scenarios, List<ScheduleSpec> schedules, List<AbortSpec> aborts) {
        this(component, script, params, resources, conditions, loads, slo, monitorEvery, scenarios, schedules, aborts, List.of());
    }

    /** A plan without abort conditions. */
    public ExperimentPlan(String component, Optional<Path> script, Map<String, String> params, List<ResourceSpec> resources,
                          List<ConditionSpec> conditions, List<LoadSpec> loads, SloSpec slo, Duration monitorEvery,
                          List<ScenarioPlan> scenarios, List<ScheduleSpec> schedules) {
        this(component, script, params, resources, conditions, loads, slo, monitorEvery, scenarios, schedules, List.of());
    }

    /** A plan that declares resources and nothing else: for driving resources and faults without scenarios. */
    public static ExperimentPlan ofResources(String component, List<ResourceSpec> resources) {
        return new ExperimentPlan(component, Optional.empty(), Map.of(), resources, List.of(), List.of(),
                SloSpec.SEED_DEFAULTS, DEFAULT_MONITOR_EVERY, List.of(), List.of());
    }

    public Optional<ConditionSpec> condition(String name) {
        return conditions.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ResourceSpec> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public ExperimentPlan onlyScenarios(List<String> names) {
        if (names.isEmpty()) return this;
        return new ExperimentPlan(component, script, params, resources, conditions, loads, slo, monitorEvery,
                scenarios.stream().filter(s -> names.contains(s.name())).toList(), schedules, aborts, includes);
    }
}
