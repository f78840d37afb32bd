package dev.shakedown.dsl;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps of one scenario, recorded in script order, never executed here. The delegate of
 * {@code scenario 'name' { ... }}; the script's own step words forward to the open scenario too, so steps
 * written in a helper method ({@code def crash(name) { inject kill(name) }}) land where the helper is called.
 */
public final class ScenarioBuilder {
    private final String name;
    private final SourceRef source;
    private final PlanBuilder plan;
    /** An expect still waiting for its {@code within} holds its place as null. */
    private final List<Step> steps = new ArrayList<>();
    private final List<ExpectClause> expectations = new ArrayList<>();
    private SloBuilder slo;
    private final List<dev.shakedown.engine.plan.AbortSpec> aborts = new ArrayList<>();

    ScenarioBuilder(String name, SourceRef source, PlanBuilder plan) {
        this.name = name;
        this.source = source;
        this.plan = plan;
    }

    /** The condition must hold before anything is injected. */
    public void steadyState(Object condition) {
        CallSite call = plan.callSite("steadyState");
        steps.add(new Step.SteadyState(conditionName(call, condition), call.at()));
    }

    public void inject(Object fault) {
        CallSite call = plan.callSite("inject");
        if (!(fault instanceof FaultSpec spec)) throw call.needs("a fault such as kill('guardian')", fault);
        steps.add(new Step.Inject(spec, call.at()));
    }

    /** {@code expect failClosed within 1.s} is Groovy for {@code expect(failClosed).within(1.s)}. */
    public ExpectClause expect(Object condition) {
        CallSite call = plan.callSite("expect");
        ExpectClause clause = new ExpectClause(this, conditionName(call, condition), call.at(), steps.size());
        steps.add(null);
        expectations.add(clause);
        return clause;
    }

    public void hold(Object duration) {
        CallSite call = plan.callSite("hold");
        steps.add(new Step.Hold(call.duration(duration, "a duration"), call.at()));
    }

    /** Roll back every active fault; a bare {@code recover} statement is rewritten into this call. */
    public void recover() {
        steps.add(new Step.Recover(plan.callSite("recover").at()));
    }

    /** Objectives for this scenario only, on top of the experiment's. */
    public void slo(@DelegatesTo(value = SloBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> objectives) {
        if (slo == null) slo = new SloBuilder(plan);
        Closures.run(objectives, slo);
    }

    /** An abort condition of this scenario only; names are unique among the scenario's and the experiment's. */
    void addAbort(dev.shakedown.engine.plan.AbortSpec spec) {
        if (plan.abortNamed(spec.name()).isPresent() || aborts.stream().anyMatch(a -> a.name().equals(spec.name()))) {
            plan.problem(spec.source(), "abort condition '" + spec.name() + "' is declared twice; give one a name: abortWhen 'other', { ... }");
            return;
        }
        aborts.add(spec);
    }

    PlanBuilder plan() {
        return plan;
    }

    void complete(int index, Step.ExpectWithin step) {
        steps.set(index, step);
    }

    /** The finished scenario; an expect left without a deadline is reported, not guessed. */
    ScenarioPlan build(SloSpec experimentSlo) {
        for (ExpectClause clause : expectations) {
            if (!clause.isComplete()) {
                plan.problem(clause.source(), "expect " + clause.condition() + " needs a deadline; write it as: expect "
                        + clause.condition() + " within 30.s");
            }
        }
        List<Step> recorded = steps.stream().filter(Objects::nonNull).toList();
        return new ScenarioPlan(name, recorded, Optional.ofNullable(slo).map(s -> s.applyTo(experimentSlo)), source, aborts);
    }

    private static String conditionName(CallSite call, Object condition) {
        if (condition instanceof ConditionRef ref) return ref.getName();
        if (condition instanceof CharSequence text) return text.toString();
        throw call.needs("a condition such as healthy", condition);
    }
}
