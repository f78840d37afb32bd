package dev.shakedown.engine.validate;

import java.util.List;

/** The judgement of one scenario: its verdict, its score (100 minus penalties) and every check. */
public record ScenarioVerdict(String scenario, Verdict verdict, double score, List<Check> checks) {
    public enum Verdict {
        PASSED, FAILED, PRECONDITION_FAILED, ABORTED, ERROR;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
