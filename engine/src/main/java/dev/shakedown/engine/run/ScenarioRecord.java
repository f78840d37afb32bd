package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import java.util.List;
import java.util.Map;

/**
 * What happened in one scenario, as measured, before any judgement. Times are timeline nanoseconds.
 *
 * @param chaosStartNanos the first injection, or -1 when nothing was injected
 * @param chaosEndNanos   the start of recovery (or the scenario's end), or -1 when nothing was injected
 * @param abortSeries     every observation of each abort condition the scenario watched
 * @param abort           the abort condition that fired, or null when none did
 */
public record ScenarioRecord(
        String name,
        Outcome outcome,
        String problem,
        long startedNanos,
        long endedNanos,
        long chaosStartNanos,
        long chaosEndNanos,
        SloSpec slo,
        List<StepRecord> steps,
        List<FaultRecord> faults,
        List<ExpectationRecord> expectations,
        Map<String, List<Observation>> series,
        Map<String, Long> seriesEveryNanos,
        List<MonitorSample> samples,
        List<AbortSeries> abortSeries,
        AbortRecord abort) {

    public enum Outcome { COMPLETED, PRECONDITION_FAILED, SKIPPED, INTERRUPTED, ABORTED, ERROR }

    public ScenarioRecord {
        abortSeries = List.copyOf(abortSeries);
    }

    /** A record of a scenario that watched no abort condition. */
    public ScenarioRecord(String name, Outcome outcome, String problem, long startedNanos, long endedNanos,
                          long chaosStartNanos, long chaosEndNanos, SloSpec slo, List<StepRecord> steps,
                          List<FaultRecord> faults, List<ExpectationRecord> expectations,
                          Map<String, List<Observation>> series, Map<String, Long> seriesEveryNanos, List<MonitorSample> samples) {
        this(name, outcome, problem, startedNanos, endedNanos, chaosStartNanos, chaosEndNanos, slo, steps, faults,
                expectations, series, seriesEveryNanos, samples, List.of(), null);
    }

    /** A scenario that did not run ({@code outcome} says how it ended, {@code why} why), at {@code atNanos}. */
    public static ScenarioRecord notRun(ExperimentPlan plan, ScenarioPlan scenario, Outcome outcome, String why, long atNanos) {
        return new ScenarioRecord(scenario.name(), outcome, why, atNanos, atNanos, -1, -1, scenario.slo().orElse(plan.slo()),
                List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of());
    }

    /** What one abort condition answered during the scenario. */
    public record AbortSeries(String name, String source, long everyNanos, List<Observation> observations) {
        public AbortSeries {
            observations = List.copyOf(observations);
        }
    }

    /**
     * An abort condition that fired. {@code fired} is its first true observation (it counts from its
     * {@code completedNanos}, when the answer came); {@code windowAtNanos} is the end of the monitoring
     * window whose metrics it read, or -1 when none had ended yet; {@code rolledBackNanos} is when every
     * fault that was in effect had been rolled back.
     */
    public record AbortRecord(
            String name,
            String source,
            Observation fired,
            long windowAtNanos,
            long rolledBackNanos,
            List<String> faultsRolledBack) {
        public AbortRecord {
            faultsRolledBack = List.copyOf(faultsRolledBack);
        }
    }

    public boolean chaosInjected() {
        return chaosStartNanos >= 0;
    }

    /** A step as it ran: {@code status} is ok, failed, error or interrupted. */
    public record StepRecord(String step, String source, long startedNanos, long endedNanos, String status, String message) {}

    /**
     * A fault as it ran. {@code injectedNanos} is when it had taken effect ({@code apply()} returned);
     * {@code rolledBackNanos} is -1 while it has not been rolled back.
     */
    public record FaultRecord(
            String fault,
            String type,
            String target,
            long applyStartedNanos,
            long injectedNanos,
            long rolledBackNanos,
            Map<String, Object> details,
            String error,
            String rollbackError) {}

    /** Where an expectation sits in the scenario, which decides what it is evidence of. */
    public enum Phase { BEFORE_INJECTION, DURING_CHAOS, RECOVERY }

    /**
     * An expectation and its decision. {@code firstTrue} is the first true observation after the anchor,
     * even when it came after the deadline (null when none came before the scenario ended).
     */
    public record ExpectationRecord(
            String condition,
            Phase phase,
            long withinNanos,
            String anchor,
            long anchorNanos,
            boolean met,
            Observation firstTrue,
            String source) {

        /** Time from the anchor to the first true observation's answer, or -1 when none came. */
        public long elapsedNanos() {
            return firstTrue == null ? -1 : firstTrue.completedNanos() - anchorNanos;
        }
    }
}
