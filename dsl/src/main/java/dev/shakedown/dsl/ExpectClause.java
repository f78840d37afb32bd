package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;

/**
 * {@code expect failClosed}, waiting for {@code within 1.s}. It keeps its place among the steps, so the
 * expectation runs where the script wrote it even though its deadline arrives in a second call.
 */
public final class ExpectClause {
    private final ScenarioBuilder scenario;
    private final String condition;
    private final SourceRef source;
    private final int index;
    private boolean complete;

    ExpectClause(ScenarioBuilder scenario, String condition, SourceRef source, int index) {
        this.scenario = scenario;
        this.condition = condition;
        this.source = source;
        this.index = index;
    }

    public void within(Object deadline) {
        CallSite call = scenario.plan().callSite("within");
        if (complete) throw call.error("expect " + condition + " already has a deadline");
        scenario.complete(index, new Step.ExpectWithin(condition, call.duration(deadline, "a duration"), source));
        complete = true;
    }

    boolean isComplete() {
        return complete;
    }

    String condition() {
        return condition;
    }

    SourceRef source() {
        return source;
    }
}
