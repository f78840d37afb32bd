package dev.shakedown.dsl;

import dev.shakedown.engine.plan.AbortSpec;
import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.LoadSpec;
import dev.shakedown.engine.plan.Rate;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.LoadAction;
import groovy.lang.Closure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan while the script builds it: declarations in script order, and the mistakes that need not stop
 * the build (so that one compile reports as many as it can). Becomes an immutable {@link ExperimentPlan}
 * once the script has run.
 */
final class PlanBuilder {
    private final Path script;
    private final ScriptPositions positions;
    private final Vocabulary vocabulary;
    private final Params params;
    private final Set<String> scriptMethods;
    private final Set<String> reportedBeforeRun;
    private final ScriptFiles files;
    private final List<ScriptError> problems = new ArrayList<>();

    private String component;
    private final Map<String, ResourceSpec> resources = new LinkedHashMap<>();
    private final Map<String, ConditionSpec> conditions = new LinkedHashMap<>();
    private final List<LoadSpec> loads = new ArrayList<>();
    private final SloBuilder slo = new SloBuilder(this);
    private Duration monitorEvery = ExperimentPlan.DEFAULT_MONITOR_EVERY;
    private final List<ScenarioBuilder> scenarios = new ArrayList<>();
    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private final List<AbortSpec> aborts = new ArrayList<>();
    private ScenarioBuilder openScenario;
    private boolean built;

    /**
     * @param files the script and the files it includes, with what the static check learnt of them: their
     *              functions and variables, the unknown calls it reported
     */
    PlanBuilder(Path script, ScriptPositions positions, Vocabulary vocabulary, Map<String, String> params, ScriptFiles files) {
        this.script = script;
        this.positions = positions;
        this.vocabulary = vocabulary;
        this.params = new Params(params);
        this.scriptMethods = Set.copyOf(files.functions());
        this.reportedBeforeRun = Set.copyOf(files.reportedCalls());
        this.files = files;
        this.component = defaultComponent(script);
    }

    /** {@code guardian-crash.chaos.groovy} names the component {@code guardian-crash}. */
    private static String defaultComponent(Path script) {
        String file = script.getFileName().toString();
        for (String suffix : List.of(".chaos.groovy", ".groovy")) {
            if (file.endsWith(suffix)) return file.substring(0, file.length() - suffix.length());
        }
        return file;
    }

    CallSite callSite(String word) {
        return new CallSite(word, positions.here(word));
    }

    /** The script line that was running when {@code failure} was thrown (inside a word's block: that line). */
    Optional<SourceRef> positionOf(Throwable failure) {
        return positions.of(failure, null);
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    Set<String> scriptMethods() {
        return scriptMethods;
    }

    /** What to say of a name nothing defines, read where {@code failure} was thrown. */
    String unknownName(String name, Throwable failure) {
        String file = positions.of(failure, name).orElse(positions.wholeFile()).file();
        return files.unknownName(name, file, conditionNames());
    }

    /** Whether the static check has already reported a call of this unknown name. */
    boolean reportedBeforeRun(String name) {
        return reportedBeforeRun.contains(name);
    }

    Params params() {
        return params;
    }

    Path scriptDirectory() {
        Path parent = script.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    void problem(SourceRef where, String message) {
        problems.add(new ScriptError(where, message));
    }

    List<ScriptError> problems() {
        return problems;
    }

    void component(String name) {
        component = name;
    }

    /**
     * Resource names are unique: faults and scripts find resources by name. The resource's type settles
     * what the script may read of it (a free port) before it is added; returns the settled spec.
     */
    ResourceSpec addResource(ResourceSpec declared) {
        if (built) throw new IllegalStateException("resources are declared while the script builds its plan, not while the plan runs");
        if (resources.containsKey(declared.name())) {
            throw new DslException("'" + declared.name() + "' is declared twice (first at " + resources.get(declared.name()).source() + ")", declared.source());
        }
        ResourceSpec spec = vocabulary.settle(declared);
        resources.put(spec.name(), spec);
        return spec;
    }

    ResourceSpec replaceResource(ResourceSpec changed) {
        if (built) throw new IllegalStateException("resources are declared while the script builds its plan, not while the plan runs");
        if (!resources.containsKey(changed.name())) throw new IllegalStateException("'" + changed.name() + "' is not declared");
        ResourceSpec spec = vocabulary.settle(changed);
        resources.put(spec.name(), spec); // keeps its place: resources start in the order they were first declared
        return spec;
    }

    Optional<ResourceSpec> resource(String name) {
        return Optional.ofNullable(resources.get(name));
    }

    List<ResourceSpec> resources() {
        return List.copyOf(resources.values());
    }

    void addCondition(ConditionSpec spec) {
        ConditionSpec first = conditions.putIfAbsent(spec.name(), spec);
        if (first != null) problem(spec.source(), "condition '" + spec.name() + "' is declared twice (first at " + first.source() + ")");
    }

    Optional<ConditionSpec> condition(String name) {
        return Optional.ofNullable(conditions.get(name));
    }

    Collection<String> conditionNames() {
        return conditions.keySet();
    }

    void addLoad(LoadAction action, Rate rate, SourceRef source) {
        loads.add(new LoadSpec("load-" + (loads.size() + 1), action, rate, source));
    }

    void monitorEvery(Duration every) {
        monitorEvery = every;
    }

    /** The experiment-wide objectives. */
    SloBuilder slo() {
        return slo;
    }

    Optional<ScenarioBuilder> openScenario() {
        return Optional.ofNullable(openScenario);
    }

    /** Runs the scenario's block with the scenario open, so that helper methods called from it record into it. */
    void runScenario(ScenarioBuilder scenario, Closure<?> steps) {
        openScenario = scenario;
        try {
            Closures.run(steps, scenario);
        } finally {
            openScenario = null;
        }
        scenarios.add(scenario);
    }

    /** An abort condition for every scenario. */
    void addAbort(AbortSpec spec) {
        if (abortNamed(spec.name()).isPresent()) {
            problem(spec.source(), "abort condition '" + spec.name() + "' is declared twice; give one a name: abortWhen 'other', { ... }");
            return;
        }
        aborts.add(spec);
    }

    Optional<AbortSpec> abortNamed(String name) {
        return aborts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    void addSchedule(ScheduleSpec spec) {
        schedules.add(spec);
    }

    ExperimentPlan build() {
        built = true;
        params.unknown().forEach(message -> problem(positions.wholeFile(), message));
        SloSpec experimentSlo = slo.applyTo(SloSpec.SEED_DEFAULTS);
        List<ScenarioPlan> scenarioPlans = scenarios.stream().map(s -> s.build(experimentSlo)).toList();
        return new ExperimentPlan(component, Optional.of(script), params.resolved(), List.copyOf(resources.values()),
                List.copyOf(conditions.values()), loads, experimentSlo, monitorEvery, scenarioPlans, schedules, aborts, files.included());
    }
}
