package dev.shakedown.engine.evidence;

import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.validate.ScenarioVerdict;
import dev.shakedown.engine.validate.ScenarioVerdict.Verdict;
import java.util.List;

/**
 * The run's verdict and exit code: 0 all scenarios passed (or could not run here: skipped, said so); 1 some check failed; 3 aborted (interrupt
 * or abort condition); 4 precondition failed (nothing injected). 2, a script or usage error, is decided
 * before a run exists.
 */
public record RunVerdict(String verdict, int exitCode) {
    public static RunVerdict of(RunResult result, List<ScenarioVerdict> verdicts) {
        if (result.interruption() != null || has(verdicts, Verdict.ABORTED)) return new RunVerdict("aborted", 3);
        if (has(verdicts, Verdict.PRECONDITION_FAILED)) return new RunVerdict("precondition-failed", 4);
        if (has(verdicts, Verdict.FAILED) || has(verdicts, Verdict.ERROR) || verdicts.isEmpty()) return new RunVerdict("failed", 1);
        // Nothing failed; what could not run here is said, not counted as passed.
        if (verdicts.stream().allMatch(v -> v.verdict() == Verdict.SKIPPED)) return new RunVerdict("skipped", 0);
        return new RunVerdict(has(verdicts, Verdict.SKIPPED) ? "passed-with-skips" : "passed", 0);
    }

    private static boolean has(List<ScenarioVerdict> verdicts, Verdict v) {
        return verdicts.stream().anyMatch(s -> s.verdict() == v);
    }
}
