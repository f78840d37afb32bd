package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SloSpec;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Service-level objectives: the delegate of {@code slo { }}. The compiler rewrites
 * {@code errorRate below 5.percent} into {@code errorRate('below', 5.percent)} (see {@code SyntaxRewrites}),
 * so each objective is a method taking its comparison word and its limit. What a block sets is kept as a
 * change to some base objectives, so that a scenario's block overrides only what it names, on top of the
 * experiment's objectives wherever in the script those are declared.
 */
public final class SloBuilder {
    private final PlanBuilder plan;
    private final Latency latency = new Latency();
    private UnaryOperator<SloSpec> changes = UnaryOperator.identity();

    SloBuilder(PlanBuilder plan) {
        this.plan = plan;
    }

    /** {@code errorRate below 5.percent}: errors among the load's requests while faults are active. */
    public void errorRate(Object comparison, Object limit) {
        double max = objective("errorRate", comparison, "below").percent(limit, "a percent").fraction();
        change(s -> s.withMaxErrorRate(max));
    }

    /** {@code latency.p95 below 500.ms}. */
    public Latency getLatency() {
        return latency;
    }

    /** {@code recovery within 30.s}: time from {@code recover} until the system is healthy again. */
    public void recovery(Object comparison, Object limit) {
        Duration within = objective("recovery", comparison, "within").duration(limit, "a duration");
        change(s -> s.withRecoveryWithin(within));
    }

    /** {@code failClosed within 1.s}: time from the injection until the system refuses service. */
    public void failClosed(Object comparison, Object limit) {
        Duration within = objective("failClosed", comparison, "within").duration(limit, "a duration");
        change(s -> s.withFailClosedWithin(within));
    }

    SloSpec applyTo(SloSpec base) {
        return changes.apply(base);
    }

    private CallSite objective(String word, Object comparison, String expected) {
        CallSite call = plan.callSite(word);
        if (!expected.equals(comparison)) {
            throw call.error(word + " takes '" + expected + "', not " + CallSite.shown(comparison) + Vocabulary.form(word));
        }
        return call;
    }

    private void change(UnaryOperator<SloSpec> next) {
        UnaryOperator<SloSpec> before = changes;
        changes = s -> next.apply(before.apply(s));
    }

    /**
     * Latency percentiles of the load. Only p95 is judged so far; p50 and p99 are refused with a clear
     * message rather than accepted and silently ignored.
     */
    public final class Latency {
        public void p50(Object comparison, Object limit) {
            notJudged("p50");
        }

        public void p95(Object comparison, Object limit) {
            Duration max = percentile("p95", comparison, limit);
            change(s -> s.withMaxLatencyP95(max));
        }

        public void p99(Object comparison, Object limit) {
            notJudged("p99");
        }

        private void notJudged(String word) {
            throw plan.callSite(word).error("latency." + word + " is not judged yet; only latency.p95 is (latency.p95 below 500.ms)");
        }

        private Duration percentile(String word, Object comparison, Object limit) {
            return objective(word, comparison, "below").duration(limit, "a duration");
        }
    }
}
