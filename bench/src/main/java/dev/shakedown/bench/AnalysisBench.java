package dev.shakedown.bench;

import dev.shakedown.engine.evidence.EvidenceBuilder;
import dev.shakedown.engine.evidence.EvidenceWriter;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.Observation;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.run.ScenarioRecord.ExpectationRecord;
import dev.shakedown.engine.run.ScenarioRecord.Phase;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time to judge one scenario and assemble its evidence (validator + evidence builder), and the same
 * plus JSON serialization, for a scenario the size of the demo's: 40 s with a 100 Hz and a 20 Hz
 * condition and 80 monitoring windows.
 */
public final class AnalysisBench {
    private static final long MS = 1_000_000;

    public static void main(String[] args) {
        Registry registry = Registry.fromClasspath();
        ExperimentPlan plan = new ExperimentPlan("bench", Optional.empty(), Map.of(), List.of(), List.of(), List.of(),
                SloSpec.SEED_DEFAULTS, Duration.ofMillis(500), List.of(), List.of());
        RunResult result = run(scenario());
        EvidenceBuilder builder = new EvidenceBuilder(registry);
        for (int i = 0; i < 2_000; i++) EvidenceWriter.JSON.writeValueAsString(builder.build(plan, result)); // warm-up
        List<Double> build = new ArrayList<>();
        List<Double> buildAndWrite = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long t0 = System.nanoTime();
            var evidence = builder.build(plan, result);
            long t1 = System.nanoTime();
            EvidenceWriter.JSON.writeValueAsString(evidence);
            long t2 = System.nanoTime();
            build.add((t1 - t0) / 1e6);
            buildAndWrite.add((t2 - t0) / 1e6);
        }
        System.out.println("validator + evidence per scenario: " + Stats.of(build).format("ms"));
        System.out.println("validator + evidence + JSON per scenario (4,800 observations, 80 windows): " + Stats.of(buildAndWrite).format("ms"));
    }

    private static RunResult run(ScenarioRecord s) {
        return new RunResult("bench", Instant.now(), Instant.now(), Path.of("runs/bench"), Path.of("ledger/bench.jsonl"),
                Map.of(), List.of(s), List.of(), List.of(), null, -1, null);
    }

    private static ScenarioRecord scenario() {
        List<Observation> failClosed = new ArrayList<>();
        for (long t = 0; t < 40_000; t += 10) failClosed.add(new Observation(t * MS, t * MS + 2 * MS, t >= 1_012 && t < 31_000, null));
        List<Observation> healthy = new ArrayList<>();
        for (long t = 0; t < 40_000; t += 50) healthy.add(new Observation(t * MS, t * MS + 2 * MS, t < 1_000 || t >= 31_500, null));
        List<MonitorSample> samples = new ArrayList<>();
        for (long t = 500; t <= 40_000; t += 500) samples.add(new MonitorSample(t * MS, 500 * MS, 25L, 3.0, 7.5, 12.0, 0.0, 50.0, 0.4, Map.of("guardian-unreachable", 10L), 35, 22));
        var fc = new ExpectationRecord("failClosed", Phase.DURING_CHAOS, 1_000 * MS, "inject kill('guardian')", 1_000 * MS, true,
                failClosed.get(102), "x:1:1");
        var ok = new ExpectationRecord("healthy", Phase.RECOVERY, 30_000 * MS, "recover", 31_000 * MS, true, healthy.get(630), "x:2:1");
        return new ScenarioRecord("guardianCrash", ScenarioRecord.Outcome.COMPLETED, null, 0, 40_000 * MS, 1_000 * MS, 31_000 * MS,
                SloSpec.SEED_DEFAULTS, List.of(), List.of(new ScenarioRecord.FaultRecord("kill('guardian')", "kill", "guardian",
                1_000 * MS - 50_000, 1_000 * MS, 31_000 * MS, Map.of("pid", 1234), null, null)), List.of(fc, ok),
                Map.of("failClosed", failClosed, "healthy", healthy), Map.of("failClosed", 10 * MS, "healthy", 50 * MS), samples);
    }
}
