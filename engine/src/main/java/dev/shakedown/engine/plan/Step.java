package dev.shakedown.engine.plan;

import java.time.Duration;

/** One step of a scenario, in the order the script wrote them. */
public sealed interface Step {
    SourceRef source();

    /** A one-line description for progress output and the plan. */
    String describe();

    /** The named condition must hold before anything is injected; otherwise nothing is injected. */
    record SteadyState(String condition, SourceRef source) implements Step {
        public String describe() { return "steady state: " + condition; }
    }

    /** Inject a fault; it stays active until {@code recover} or the end of the scenario. */
    record Inject(FaultSpec fault, SourceRef source) implements Step {
        public String describe() { return "inject " + fault; }
    }

    /** Keep the faults active for a while. */
    record Hold(Duration duration, SourceRef source) implements Step {
        public String describe() { return "hold " + Durations.format(duration); }
    }

    /**
     * The condition must become true within the deadline, counted from the most recent intervention
     * (injection or recovery) or, before any, from the scenario's start.
     */
    record ExpectWithin(String condition, Duration within, SourceRef source) implements Step {
        public String describe() { return "expect " + condition + " within " + Durations.format(within); }
    }

    /** Roll back every active fault, newest first. */
    record Recover(SourceRef source) implements Step {
        public String describe() { return "recover"; }
    }
}
