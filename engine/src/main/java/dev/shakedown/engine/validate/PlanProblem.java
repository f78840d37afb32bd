package dev.shakedown.engine.validate;

import dev.shakedown.engine.plan.SourceRef;

/** Something wrong with a plan, found before anything runs. */
public record PlanProblem(SourceRef source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
