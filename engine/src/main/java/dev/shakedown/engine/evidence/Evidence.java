package dev.shakedown.engine.evidence;

import dev.shakedown.engine.plan.IncludedFile;
import java.util.List;
import java.util.Map;

/**
 * The evidence file: the seed's top-level structure ({@code component} ... {@code resilience_metrics})
 * with measured values, plus {@code run} and {@code scenarios}. Serialized with snake_case names; the
 * JSON Schema is {@code evidence.schema.json} beside this class. Every figure in the summary sections is
 * derived from the per-scenario records, and those from the raw series in {@code scenarios[].series}.
 */
public record Evidence(
        String component,
        String validationTimestamp,
        ChaosScenarios chaosScenarios,
        FailClosedBehavior failClosedBehavior,
        RecoveryValidation recoveryValidation,
        ResilienceMetrics resilienceMetrics,
        RunInfo run,
        List<ScenarioEvidence> scenarios) {

    public static final String SCHEMA_VERSION = "1.0";

    /**
     * Per seed family: true when every scenario that planned a fault of that family passed, false when
     * one did not (a skipped one included), null when no scenario tested it.
     *
     * @param scenariosExecuted scenarios in which a fault was injected
     * @param skipped           scenarios that could not run on this host, with the reason
     */
    public record ChaosScenarios(
            int scenariosExecuted,
            Boolean guardianCrashValidated,
            Boolean networkPartitionValidated,
            Boolean memoryCorruptionValidated,
            Boolean infrastructureFaultsValidated,
            List<SkippedScenario> skipped) {
        public ChaosScenarios {
            skipped = List.copyOf(skipped);
        }
    }

    public record SkippedScenario(String scenario, String reason) {}

    /**
     * @param activationTimeMs  the slowest measured fail-closed activation; null when none was expected
     * @param triggersValidated scenarios whose fail-closed expectation was met
     * @param behaviorCorrect   every fail-closed expectation was met; null when none was expected
     */
    public record FailClosedBehavior(Double activationTimeMs, int triggersValidated, Boolean behaviorCorrect) {}

    /**
     * @param recoveryTimeP95Ms nearest-rank 95th percentile of the scenarios' recovery times; null when none recovered
     * @param successRate       recovered scenarios over scenarios that expected recovery; null when none did
     * @param sloCompliance     every recovery met its SLO; null when none was expected
     */
    public record RecoveryValidation(Double recoveryTimeP95Ms, Double successRate, Boolean sloCompliance) {}

    public record ResilienceMetrics(double overallScore, String chaosTolerance, boolean productionReady) {}

    public record RunInfo(
            String id,
            String engineVersion,
            String schemaVersion,
            String host,
            ScriptInfo script,
            Map<String, String> parameters,
            String startedAt,
            String finishedAt,
            String verdict,
            int exitCode,
            Interruption interruption,
            String startupProblem,
            String ledger,
            String logs,
            Map<String, Map<String, Object>> resources,
            List<Map<String, Object>> events) {}

    /** The script and every file it included (path and SHA-256 of the compiled bytes), so a run can be reproduced exactly. */
    public record ScriptInfo(String path, String sha256, List<IncludedFile> includes) {
        public ScriptInfo {
            includes = includes == null ? List.of() : List.copyOf(includes); // evidence written before includes existed
        }
    }

    public record Interruption(String reason, double atMs) {}
}
