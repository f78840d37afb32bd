package dev.shakedown.engine.validate;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.run.ScenarioRecord.ExpectationRecord;
import dev.shakedown.engine.run.ScenarioRecord.Phase;
import dev.shakedown.engine.run.Timeline;
import dev.shakedown.engine.validate.Check.Status;
import dev.shakedown.engine.validate.ScenarioVerdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The seed's resilience validator, applied to what was measured. Each scenario starts from 100:
 * fail-closed expectation not met -30, recovery unsuccessful -40, recovery time over the SLO -20, error
 * rate during chaos over the SLO -10. The latency SLO costs no points (the seed has none) but fails the
 * scenario when breached. Expectations are classified by where they stand: after an
 * injection and before {@code recover} they are fail-closed expectations; after {@code recover} they
 * are recovery expectations.
 */
public final class Validator {
    public static final int FAIL_CLOSED_PENALTY = 30;
    public static final int RECOVERY_PENALTY = 40;
    public static final int RECOVERY_TIME_PENALTY = 20;
    public static final int ERROR_RATE_PENALTY = 10;

    public ScenarioVerdict validate(ScenarioRecord r) {
        if (r.outcome() == ScenarioRecord.Outcome.PRECONDITION_FAILED) {
            return new ScenarioVerdict(r.name(), Verdict.PRECONDITION_FAILED, 0, List.of());
        }
        if (r.outcome() == ScenarioRecord.Outcome.SKIPPED) {
            return new ScenarioVerdict(r.name(), Verdict.SKIPPED, 0, List.of());
        }
        List<Check> checks = new ArrayList<>();
        checks.add(failClosed(r));
        checks.add(recovery(r));
        checks.add(recoveryTime(r));
        checks.add(errorRate(r));
        checks.add(latency(r));
        beforeInjection(r).ifPresent(checks::add);
        double score = Math.max(0, 100 - checks.stream().filter(c -> c.status() == Status.FAILED).mapToInt(Check::penalty).sum());
        Verdict verdict = switch (r.outcome()) {
            case INTERRUPTED, ABORTED -> Verdict.ABORTED;
            case ERROR -> Verdict.ERROR;
            default -> checks.stream().allMatch(Check::passed) && rollbacksSucceeded(r) ? Verdict.PASSED : Verdict.FAILED;
        };
        return new ScenarioVerdict(r.name(), verdict, score, List.copyOf(checks));
    }

    private static boolean rollbacksSucceeded(ScenarioRecord r) {
        return r.faults().stream().allMatch(f -> f.rollbackError() == null && f.error() == null);
    }

    private static Check failClosed(ScenarioRecord r) {
        List<ExpectationRecord> es = phase(r, Phase.DURING_CHAOS);
        String name = "fail_closed_triggered";
        if (es.isEmpty()) {
            return new Check(name, Status.NOT_APPLICABLE, 0, "the scenario expects no fail-closed behaviour during chaos");
        }
        long slo = r.slo().failClosedWithin().toNanos();
        for (ExpectationRecord e : es) {
            if (!e.met()) {
                return new Check(name, Status.FAILED, FAIL_CLOSED_PENALTY, notMet(e, "Fail-closed"));
            }
            if (e.elapsedNanos() > slo) {
                return new Check(name, Status.FAILED, FAIL_CLOSED_PENALTY, "Fail-closed '" + e.condition() + "' activated after "
                        + ms(e.elapsedNanos()) + " ms, over the SLO of " + Durations.format(r.slo().failClosedWithin()));
            }
        }
        ExpectationRecord first = es.get(0);
        return new Check(name, Status.PASSED, FAIL_CLOSED_PENALTY, "Fail-closed '" + first.condition() + "' activated "
                + ms(first.elapsedNanos()) + " ms after " + first.anchor());
    }

    private static Check recovery(ScenarioRecord r) {
        List<ExpectationRecord> es = phase(r, Phase.RECOVERY);
        String name = "recovery_successful";
        if (es.isEmpty()) return new Check(name, Status.NOT_APPLICABLE, 0, "the scenario expects nothing after recover");
        for (ExpectationRecord e : es) {
            if (!e.met()) return new Check(name, Status.FAILED, RECOVERY_PENALTY, notMet(e, "Recovery"));
        }
        return new Check(name, Status.PASSED, RECOVERY_PENALTY, "System recovered: '" + es.get(es.size() - 1).condition() + "' held again");
    }

    private static Check recoveryTime(ScenarioRecord r) {
        String name = "recovery_time_slo";
        List<ExpectationRecord> es = phase(r, Phase.RECOVERY);
        if (es.isEmpty()) return new Check(name, Status.NOT_APPLICABLE, 0, "the scenario expects nothing after recover");
        long time = recoveryTimeNanos(r);
        String slo = Durations.format(r.slo().recoveryWithin());
        if (time < 0) return new Check(name, Status.FAILED, RECOVERY_TIME_PENALTY, "No recovery observed; the SLO is " + slo);
        if (time > r.slo().recoveryWithin().toNanos()) {
            return new Check(name, Status.FAILED, RECOVERY_TIME_PENALTY, "Recovery time " + ms(time) + " ms exceeds the SLO of " + slo);
        }
        return new Check(name, Status.PASSED, RECOVERY_TIME_PENALTY, "Recovery time " + ms(time) + " ms within the SLO of " + slo);
    }

    private static Check errorRate(ScenarioRecord r) {
        String name = "error_rate_during_chaos";
        OptionalDouble avg = averageErrorRateDuringChaos(r);
        if (avg.isEmpty()) {
            return new Check(name, Status.NOT_APPLICABLE, 0, r.chaosInjected()
                    ? "no load measured an error rate during chaos" : "nothing was injected");
        }
        SloSpec slo = r.slo();
        String text = String.format("Error rate %.3f %s the tolerance of %.3f", avg.getAsDouble(),
                avg.getAsDouble() <= slo.maxErrorRate() ? "within" : "exceeded", slo.maxErrorRate());
        return new Check(name, avg.getAsDouble() <= slo.maxErrorRate() ? Status.PASSED : Status.FAILED, ERROR_RATE_PENALTY, text);
    }

    /**
     * The latency SLO: the mean of the windows' p95 latencies during chaos (the figure
     * {@code system_impact.latency_samples.avg} shows). The seed sets no penalty for it, so it costs no
     * points, but a breach fails the scenario.
     */
    private static Check latency(ScenarioRecord r) {
        String name = "latency_during_chaos";
        OptionalDouble avg = r.chaosInjected()
                ? duringChaos(r).stream().filter(s -> s.latencyP95Ms() != null).mapToDouble(MonitorSample::latencyP95Ms).average()
                : OptionalDouble.empty();
        if (avg.isEmpty()) return new Check(name, Status.NOT_APPLICABLE, 0, "no load measured latency during chaos");
        double limit = r.slo().maxLatencyP95().toNanos() / 1e6;
        boolean ok = avg.getAsDouble() <= limit;
        return new Check(name, ok ? Status.PASSED : Status.FAILED, 0, String.format("p95 latency %.1f ms (mean of the windows) %s the SLO of %s",
                avg.getAsDouble(), ok ? "within" : "exceeds", Durations.format(r.slo().maxLatencyP95())));
    }

    /** Expectations written before any injection cost nothing in the seed's scoring, but an unmet one fails the scenario. */
    private static java.util.Optional<Check> beforeInjection(ScenarioRecord r) {
        List<ExpectationRecord> es = phase(r, Phase.BEFORE_INJECTION);
        if (es.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(es.stream().filter(e -> !e.met()).findFirst()
                .map(e -> new Check("expectations_before_injection", Status.FAILED, 0, notMet(e, "Expectation")))
                .orElseGet(() -> new Check("expectations_before_injection", Status.PASSED, 0, "every expectation before injection was met")));
    }

    /** Time from {@code recover} to the last recovery expectation's first true observation; -1 if never. */
    public static long recoveryTimeNanos(ScenarioRecord r) {
        List<ExpectationRecord> es = phase(r, Phase.RECOVERY);
        long worst = -1;
        for (ExpectationRecord e : es) {
            if (e.firstTrue() == null) return -1;
            worst = Math.max(worst, e.elapsedNanos());
        }
        return worst;
    }

    /** The seed's figure: the mean of the per-window error rates whose window ended during chaos. */
    public static OptionalDouble averageErrorRateDuringChaos(ScenarioRecord r) {
        if (!r.chaosInjected()) return OptionalDouble.empty();
        return duringChaos(r).stream().filter(s -> s.errorRate() != null).mapToDouble(MonitorSample::errorRate).average();
    }

    public static List<MonitorSample> duringChaos(ScenarioRecord r) {
        return r.samples().stream().filter(s -> s.atNanos() > r.chaosStartNanos() && s.atNanos() <= r.chaosEndNanos()).toList();
    }

    private static List<ExpectationRecord> phase(ScenarioRecord r, Phase phase) {
        return r.expectations().stream().filter(e -> e.phase() == phase).toList();
    }

    private static String notMet(ExpectationRecord e, String what) {
        String within = Durations.format(java.time.Duration.ofNanos(e.withinNanos()));
        return e.firstTrue() == null
                ? what + " '" + e.condition() + "' was not observed within " + within + " of " + e.anchor()
                : what + " '" + e.condition() + "' was observed only after " + ms(e.elapsedNanos()) + " ms, deadline " + within;
    }

    private static double ms(long nanos) {
        return Timeline.millis(nanos);
    }
}
