package dev.shakedown.dsl;

import dev.shakedown.engine.plan.AbortSpec;
import dev.shakedown.engine.plan.BlackoutWindow;
import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.LoadAction;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * The base class of every {@code *.chaos.groovy} script: its public methods are the top-level words of the
 * DSL. Running the script builds a plan and starts nothing. Names this class does not define are resolved
 * in {@link #methodMissing} and {@link #propertyMissing}: the functions of included files, the registry's
 * faults and resource kinds, the library words, the declared conditions.
 */
public abstract class ChaosScript extends Script {
    private static final Set<String> COMPARISONS = Set.of("below", "within", "above");

    private PlanBuilder plan;
    /** The functions this file declares, which files that include it may call. */
    private Set<String> functions = Set.of();
    /** The files this one includes, by the path as written; each an instance shared by every file including it. */
    private Map<String, ChaosScript> includes = Map.of();
    /** Whether this file's statements have run, at its first include. */
    private boolean ran;

    void attach(PlanBuilder plan, Set<String> functions, Map<String, ChaosScript> includes) {
        this.plan = plan;
        this.functions = Set.copyOf(functions);
        this.includes = Collections.unmodifiableMap(new LinkedHashMap<>(includes)); // in include order
    }

    /**
     * {@code include 'lib/common.chaos.groovy'}: runs the file's statements here, the first time the file is
     * included; a file included again (by this script or by another included file) is not run twice. The
     * compiler has already found and compiled it (see {@code IncludeStatements}).
     */
    public void include(Object path) {
        ChaosScript file = path instanceof CharSequence p ? includes.get(p.toString()) : null;
        if (file == null) {
            throw plan.callSite("include").error("include needs a literal path at the top level of the script"
                    + " (include 'lib/common.chaos.groovy'): the file is found when the script compiles");
        }
        if (!file.ran) {
            file.ran = true;
            file.run();
        }
    }

    /** The included file, at any depth, that declares the function {@code name}; the first in include order. */
    private Optional<ChaosScript> functionOwner(String name) {
        for (ChaosScript file : includes.values()) {
            if (file.functions.contains(name)) return Optional.of(file);
            Optional<ChaosScript> deeper = file.functionOwner(name);
            if (deeper.isPresent()) return deeper;
        }
        return Optional.empty();
    }

    /** Names the evidence file; defaults to the script's file name. */
    public void component(Object name) {
        plan.component(plan.callSite("component").text(name, "a name"));
    }

    /** {@code param('target')}: a text the command line must give ({@code --param target=guardian}). */
    public String param(Object name) {
        CallSite call = plan.callSite("param");
        return plan.params().require(call.text(name, "a parameter name"), call);
    }

    /**
     * {@code param('hold', 30.s)}: {@code --param hold=3s} if given, parsed by the type of the default. The
     * value has the default's type, which the signature tells {@code plan --strict}.
     */
    @SuppressWarnings("unchecked")
    public <T> T param(Object name, T fallback) {
        CallSite call = plan.callSite("param");
        return (T) plan.params().resolve(call.text(name, "a parameter name"), fallback, call);
    }

    public void condition(Object name, @DelegatesTo(value = ChaosScript.class, strategy = Closure.DELEGATE_FIRST) Closure<?> probe) {
        condition(Map.of(), name, probe);
    }

    /** {@code condition 'healthy', every: 50.ms, { ... }}: the closure becomes a probe the engine runs. */
    public void condition(Map<String, Object> options, Object name,
                          @DelegatesTo(value = ChaosScript.class, strategy = Closure.DELEGATE_FIRST) Closure<?> probe) {
        CallSite call = plan.callSite("condition");
        call.allowOnly(options, Set.of("every"));
        Duration every = options.containsKey("every") ? call.interval(options.get("every"), "a duration for every:") : ConditionSpec.DEFAULT_EVERY;
        if (probe == null) throw call.needs("a closure that answers yes or no", null);
        plan.addCondition(new ConditionSpec(call.text(name, "a name"), every, new ClosureProbe(Closures.delegatingTo(probe, this)), call.at()));
    }

    /** {@code load http.get(url), rate: 50.perSecond}: background traffic during every scenario. */
    public void load(Map<String, Object> options, Object request) {
        CallSite call = plan.callSite("load");
        call.allowOnly(options, Set.of("rate"));
        if (!(request instanceof LoadAction action)) throw call.needs("a request such as http.get(url)", request);
        plan.addLoad(action, call.rate(options.get("rate"), "a rate for rate:"), call.at());
    }

    /** {@code monitor every: 500.ms}: how often host and system metrics are sampled. */
    public void monitor(Map<String, Object> options) {
        CallSite call = plan.callSite("monitor");
        call.allowOnly(options, Set.of("every"));
        plan.monitorEvery(call.interval(options.get("every"), "a duration for every:"));
    }

    /** Objectives for the whole experiment, or for the open scenario when called from inside one. */
    public void slo(@DelegatesTo(value = SloBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> objectives) {
        Optional<ScenarioBuilder> open = plan.openScenario();
        if (open.isPresent()) {
            open.get().slo(objectives);
        } else {
            Closures.run(objectives, plan.slo());
        }
    }

    /** {@code abortWhen { errorRate > 50.percent }}: named by its own text (see {@code SyntaxRewrites}). */
    public void abortWhen(@DelegatesTo(value = AbortMetrics.class, strategy = Closure.DELEGATE_FIRST) Closure<?> condition) {
        abortWhen(Map.of(), null, condition);
    }

    public void abortWhen(Object name, @DelegatesTo(value = AbortMetrics.class, strategy = Closure.DELEGATE_FIRST) Closure<?> condition) {
        abortWhen(Map.of(), name, condition);
    }

    public void abortWhen(Map<String, Object> options, @DelegatesTo(value = AbortMetrics.class, strategy = Closure.DELEGATE_FIRST) Closure<?> condition) {
        abortWhen(options, null, condition);
    }

    /**
     * {@code abortWhen 'overload', every: 50.ms, { errorRate > 50.percent }}: asked continuously while a
     * scenario runs; when true, every fault is rolled back at once and the run stops (exit 3). At the top
     * level it watches every scenario; inside a scenario, that scenario only.
     */
    public void abortWhen(Map<String, Object> options, Object name,
                          @DelegatesTo(value = AbortMetrics.class, strategy = Closure.DELEGATE_FIRST) Closure<?> condition) {
        CallSite call = plan.callSite("abortWhen");
        call.allowOnly(options, Set.of("every"));
        Duration every = options.containsKey("every") ? call.duration(options.get("every"), "a duration for every:") : AbortSpec.DEFAULT_EVERY;
        String label = name == null ? "abortWhen at line " + call.at().line() : call.text(name, "a name");
        AbortSpec spec = new AbortSpec(label, every, new ClosureAbortProbe(condition), call.at());
        Optional<ScenarioBuilder> open = plan.openScenario();
        if (open.isPresent()) {
            open.get().addAbort(spec);
        } else {
            plan.addAbort(spec);
        }
    }

    /** {@code scenario 'name' { ... }} reaches here as {@code scenario('name', { ... })} (see {@code SyntaxRewrites}). */
    public void scenario(Object name, @DelegatesTo(value = ScenarioBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> steps) {
        CallSite call = plan.callSite("scenario");
        if (plan.openScenario().isPresent()) throw call.error("a scenario cannot contain another scenario; declare each at the top level");
        plan.runScenario(new ScenarioBuilder(call.text(name, "a name"), call.at(), plan), steps);
    }

    /** {@code schedule cron: '...'}: every scenario. */
    public void schedule(Map<String, Object> options) {
        schedule(options, "all");
    }

    /**
     * {@code schedule 'crash', cron: '0 0 3 * * ?', timezone: 'Europe/Berlin', misfire: 'runOnce',
     * blackout: ['Sat-Sun'], jitter: 10.min}; the scenarios are a name, a list of names or {@code 'all'}.
     */
    public void schedule(Map<String, Object> options, Object scenarios) {
        CallSite call = plan.callSite("schedule");
        Map<String, Object> named = Invocation.of(new Object[] {options}).requireValues(call).named();
        call.allowOnly(named, Set.of("cron", "timezone", "misfire", "blackout", "jitter"));
        String cron = call.text(named.get("cron"), "a Quartz cron expression for cron:");
        ZoneId zone = named.containsKey("timezone") ? ScheduleOptions.zone(call, named.get("timezone")) : ZoneId.systemDefault();
        Misfire misfire = named.containsKey("misfire") ? ScheduleOptions.misfire(call, named.get("misfire")) : Misfire.SKIP;
        List<BlackoutWindow> blackouts = ScheduleOptions.blackouts(call, named.get("blackout"));
        Duration jitter = named.containsKey("jitter") ? ScheduleOptions.jitter(call, named.get("jitter")) : Duration.ZERO;
        plan.addSchedule(new ScheduleSpec(scenarioNames(call, scenarios), cron, zone, misfire, blackouts, jitter, call.at()));
    }

    public void steadyState(Object condition) {
        openScenario("steadyState").steadyState(condition);
    }

    public void inject(Object fault) {
        openScenario("inject").inject(fault);
    }

    public ExpectClause expect(Object condition) {
        return openScenario("expect").expect(condition);
    }

    public void hold(Object duration) {
        openScenario("hold").hold(duration);
    }

    public void recover() {
        openScenario("recover").recover();
    }

    /** Functions of included files, faults ({@code kill('guardian')}), resources ({@code process 'guardian', ...}) and library words. */
    public Object methodMissing(String name, Object args) {
        Object[] arguments = (Object[]) args;
        Optional<ChaosScript> owner = functionOwner(name);
        if (owner.isPresent()) return InvokerHelper.invokeMethod(owner.get(), name, arguments);
        Vocabulary vocabulary = plan.vocabulary();
        if (vocabulary.isFault(name)) return fault(name, arguments);
        // A library word named like a resource kind declares that resource its own way: dns { record ... }
        Optional<DslWord> word = vocabulary.word(name);
        if (word.isPresent()) return call(word.get(), Invocation.of(arguments));
        if (vocabulary.isResourceKind(name)) return resource(name, arguments);
        if (plan.reportedBeforeRun(name)) return standIn(name, arguments);
        throw new MissingMethodException(name, getClass(), arguments);
    }

    /** Library words read as properties ({@code http}) and declared conditions ({@code healthy}). */
    public Object propertyMissing(String name) {
        Optional<DslWord> word = plan.vocabulary().word(name);
        if (word.isPresent()) return call(word.get(), Invocation.NONE);
        Optional<ConditionSpec> condition = plan.condition(name);
        if (condition.isPresent()) return new ConditionRef(name, condition.get().probe());
        if (COMPARISONS.contains(name)) {
            throw plan.callSite(name).error("'" + name + "' goes between an objective and its limit inside slo { } (recovery within 30.s)"
                    + " or after an expect inside a scenario (expect healthy within 30.s)");
        }
        // Script.println looks up 'out' and falls back to System.out on exactly this exception.
        throw new MissingPropertyException(name, getClass());
    }

    private ScenarioBuilder openScenario(String word) {
        return plan.openScenario().orElseThrow(() -> plan.callSite(word).error(word + " is only allowed inside a scenario"));
    }

    private FaultSpec fault(String type, Object[] arguments) {
        CallSite call = plan.callSite(type);
        Invocation invocation = Invocation.of(arguments).requireValues(call).requireData(call);
        return new FaultSpec(type, invocation.positional(), invocation.named(), call.at());
    }

    private ResourceSpec resource(String kind, Object[] arguments) {
        CallSite call = plan.callSite(kind);
        Invocation invocation = Invocation.of(arguments).requireValues(call);
        if (invocation.positional().size() != 1) {
            throw call.error(kind + " needs one name, then named options: " + kind + " 'guardian', ...");
        }
        return plan.addResource(new ResourceSpec(kind, call.text(invocation.positional().get(0), "a name"), invocation.named(), call.at()));
    }

    private Object call(DslWord word, Invocation invocation) {
        WordCall context = new WordCall(plan, word.name());
        try {
            return word.call(context, invocation.named(), invocation.positional());
        } catch (DslException e) {
            if (e.source() != null) throw e;
            // a mistake inside the word's block ({ record ... }) is reported at its own line, others at the word
            SourceRef call = context.callSite();
            throw e.at(plan.positionOf(e).filter(inner -> inner.line() != call.line()).orElse(call));
        }
    }

    /**
     * A name the static check has already reported: keep building so that the same compile also reports
     * the mistakes after it. A misspelt fault stays a fault (the plan validator names it again, with the
     * same message, and the two are merged); anything else is nothing.
     */
    private Object standIn(String name, Object[] arguments) {
        return plan.vocabulary().nearestIsFault(name, plan.scriptMethods()) ? fault(name, arguments) : null;
    }

    private static List<String> scenarioNames(CallSite call, Object scenarios) {
        if (scenarios instanceof CharSequence name) return name.toString().equals("all") ? List.of() : List.of(name.toString());
        if (scenarios instanceof List<?> names) return names.stream().map(n -> call.text(n, "scenario names")).toList();
        throw call.needs("a scenario name, a list of names or 'all'", scenarios);
    }
}
