package dev.shakedown.engine.validate;

import java.util.List;

/**
 * The judgement of one scenario: its verdict, its score (100 minus penalties) and every check. A skipped
 * scenario tested nothing: its score is 0 and it does not count in the suite's mean.
 */
public record ScenarioVerdict(String scenario, Verdict verdict, double score, List<Check> checks) {
    public enum Verdict {
        PASSED, FAILED, SKIPPED, PRECONDITION_FAILED, ABORTED, ERROR;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
