package dev.shakedown.bench;

import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.EvidenceBuilder;
import dev.shakedown.engine.evidence.ScenarioEvidence;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Abort latency: runs an abort script N times (the demo starts anew each run, since an abort ends the run)
 * and reports, from each run's evidence, the time from the abort condition's firing observation (its
 * answer) to the moment every fault in effect had been rolled back ({@code abort.rollback_duration_ms}),
 * and the same per fault ({@code rolled_back_at_ms - fired_at_ms}).
 *
 * <p>Usage: AbortBench SCRIPT STATE_DIR TIMES
 */
public final class AbortBench {
    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]);
        Path state = Path.of(args[1]);
        int times = Integer.parseInt(args[2]);
        Registry registry = Registry.fromClasspath();
        ScriptCompiler compiler = new ScriptCompiler(registry, AbortBench.class.getClassLoader());
        List<Double> everyFault = new ArrayList<>();
        Map<String, List<Double>> perFault = new java.util.TreeMap<>();
        List<Double> detection = new ArrayList<>();
        int faults = 0;
        for (int i = 0; i < times; i++) {
            ExperimentPlan plan = compiler.compile(script, Map.of());
            RunResult result = new ExperimentRunner(registry, RunOptions.defaults(state), RunListener.NONE).run(plan);
            Evidence evidence = new EvidenceBuilder(registry).build(plan, result);
            ScenarioEvidence s = evidence.scenarios().get(0);
            ScenarioEvidence.Abort abort = s.abort();
            if (abort == null || evidence.run().exitCode() != 3) {
                throw new IllegalStateException("run " + (i + 1) + " did not abort: " + s.verdict() + " " + s.problem());
            }
            everyFault.add(abort.rollbackDurationMs());
            for (ScenarioEvidence.FaultEvidence f : s.faults()) {
                if (f.rolledBackAtMs() != null) {
                    perFault.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f.rolledBackAtMs() - abort.firedAtMs());
                }
            }
            faults = abort.faultsRolledBack().size();
            detection.add(abort.firedAtMs() - s.faults().get(s.faults().size() - 1).injectedAtMs());
        }
        System.out.println("abort: observation -> every fault rolled back (" + faults + " faults, " + times + " runs): "
                + Stats.of(everyFault).format("ms"));
        // Rollback goes newest first, so each figure includes the rollbacks before it.
        perFault.forEach((type, ms) -> System.out.println("abort: observation -> " + type + " rolled back: " + Stats.of(ms).format("ms")));
        System.out.println("abort: last injection -> abort observed (100 ms windows, 300 ms request timeout; not the engine's speed): "
                + Stats.of(detection).format("ms"));
    }
}
