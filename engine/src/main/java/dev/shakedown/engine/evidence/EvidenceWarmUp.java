package dev.shakedown.engine.evidence;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Judges and renders, in the background, the evidence of a run of the plan in which no scenario ran, and
 * throws it away. On a cold JVM the first evidence costs a third of a second of class loading and
 * serializer building; once a signal arrived, that time is on the way to the exit, so it is spent early.
 */
public final class EvidenceWarmUp {
    private EvidenceWarmUp() {}

    public static void start(Registry registry, ExperimentPlan plan) {
        Thread thread = new Thread(() -> warmUp(registry, plan), "shakedown-evidence-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void warmUp(Registry registry, ExperimentPlan plan) {
        List<ScenarioRecord> scenarios = plan.scenarios().stream()
                .map(s -> ScenarioRecord.notRun(plan, s, ScenarioRecord.Outcome.SKIPPED, "warm-up", 0)).toList();
        Instant now = Instant.now();
        RunResult nothingRan = new RunResult("warm-up", now, now, Path.of("warm-up"), Path.of("warm-up.jsonl"), Map.of(),
                scenarios, List.of(), List.of(), "warm-up", 0, null);
        try {
            EvidenceWriter.render(new EvidenceBuilder(registry).build(plan, nothingRan));
        } catch (RuntimeException e) {
            // Only a head start is lost; the real evidence reports its own problems.
        }
    }
}
