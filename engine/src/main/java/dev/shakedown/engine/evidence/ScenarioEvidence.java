package dev.shakedown.engine.evidence;

import java.util.List;
import java.util.Map;

/**
 * One scenario: the seed's result keys ({@code scenario} ... {@code total_duration_ms}), then the
 * judgement, what ran, and the raw series everything else is derived from. Times named {@code *_ms}
 * without "duration" are milliseconds since the run started ({@code run.started_at}).
 */
public record ScenarioEvidence(
        String scenario,
        double durationSeconds,
        boolean chaosInjected,
        Map<String, Object> systemImpact,
        Recovery recovery,
        Boolean failClosedTriggered,
        double totalDurationMs,
        String verdict,
        double score,
        String problem,
        Double failClosedActivationMs,
        Map<String, Long> failClosedReasons,
        Long failClosedResponses,
        double startedAtMs,
        double endedAtMs,
        Window chaosWindow,
        List<Validation> validations,
        List<StepEvidence> steps,
        List<FaultEvidence> faults,
        List<ExpectationEvidence> expectations,
        Series series,
        Abort abort) {

    /** @param timeToRecoveryMs from {@code recover} to the recovery condition's first true observation; null if never */
    public record Recovery(Boolean successful, Double timeToRecoveryMs) {}

    public record Window(double startMs, double endMs) {}

    public record Validation(String check, String status, boolean passed, int penalty, String message) {}

    public record StepEvidence(String step, String source, double startedAtMs, double endedAtMs, String status, String message) {}

    public record FaultEvidence(
            String fault,
            String type,
            String target,
            Double applyStartedAtMs,
            Double injectedAtMs,
            Double rolledBackAtMs,
            Map<String, Object> details,
            String error,
            String rollbackError) {}

    /**
     * @param firstTrueAtMs when the first true observation answered after the anchor was answered (its
     *                      row's {@code completed_ms}); the elapsed time is {@code first_true_at_ms - anchor_at_ms}
     */
    public record ExpectationEvidence(
            String condition,
            String phase,
            double withinMs,
            String anchor,
            double anchorAtMs,
            boolean met,
            Double firstTrueAtMs,
            Double elapsedMs,
            String source) {}

    /**
     * The abort condition that fired, or null. {@code firedAtMs} is the {@code completed_ms} of its first
     * true row in {@code series.abort_conditions}; {@code windowAtMs} the {@code at_ms} of the monitor row
     * whose metrics it read (null when it read none); {@code rolledBackAtMs} when every fault then in effect
     * had been rolled back (the latest {@code rolled_back_at_ms} of {@code faultsRolledBack});
     * {@code rollbackDurationMs} is {@code rolled_back_at_ms - fired_at_ms}.
     */
    public record Abort(
            String condition,
            String source,
            double firedAtMs,
            Double windowAtMs,
            double rolledBackAtMs,
            double rollbackDurationMs,
            List<String> faultsRolledBack) {}

    /**
     * Raw observations: one table per condition, one for the monitor, and one per abort condition the
     * scenario watched, as column names and rows.
     */
    public record Series(Map<String, Table> conditions, Table monitor, Map<String, Table> abortConditions) {}

    public record Table(Double everyMs, List<String> columns, List<List<Object>> rows) {}
}
