package dev.shakedown.bench;

import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.EvidenceBuilder;
import dev.shakedown.engine.evidence.EvidenceWriter;
import dev.shakedown.engine.evidence.ScenarioEvidence;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Kills the demo guardian N times in one run and reports (1) the time from the inject step's start to
 * SIGKILL delivered and (2) the error of the measured fail-closed activation against the gateway's own
 * event log (the ground truth, on the wall clock).
 *
 * <p>Usage: KillBench SCRIPT STATE_DIR TIMES
 */
public final class KillBench {
    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]);
        Path state = Path.of(args[1]);
        Registry registry = Registry.fromClasspath();
        ExperimentPlan plan = new ScriptCompiler(registry, KillBench.class.getClassLoader()).compile(script, Map.of("times", args[2]));
        RunResult result = new ExperimentRunner(registry, RunOptions.defaults(state), RunListener.NONE).run(plan);
        Evidence evidence = new EvidenceBuilder(registry).build(plan, result);
        ScenarioEvidence s = evidence.scenarios().get(0);
        if (!s.verdict().equals("passed")) throw new IllegalStateException("the benchmark run did not pass: " + s.validations());

        List<Double> killDelays = new ArrayList<>();
        var injectSteps = s.steps().stream().filter(step -> step.step().startsWith("inject")).toList();
        for (int i = 0; i < injectSteps.size(); i++) {
            killDelays.add(s.faults().get(i).injectedAtMs() - injectSteps.get(i).startedAtMs());
        }

        List<Long> truth = failClosedSwitches(result.runDirectory().resolve("gateway-events.jsonl"));
        long startedMicros = micros(result.startedAt());
        List<Double> errors = new ArrayList<>();
        for (var e : s.expectations()) {
            if (!e.phase().equals("during-chaos")) continue;
            double anchorMicros = startedMicros + e.anchorAtMs() * 1000;
            long firstSwitch = truth.stream().filter(t -> t >= anchorMicros - 1000).findFirst().orElseThrow();
            double truthMs = (firstSwitch - anchorMicros) / 1000.0;
            errors.add(Math.abs(e.elapsedMs() - truthMs));
        }
        System.out.println("inject step start -> SIGKILL delivered: " + Stats.of(killDelays).format("ms"));
        System.out.println("fail-closed activation error vs gateway log (probe every 10 ms): " + Stats.of(errors).format("ms"));
        System.out.println("evidence: " + new EvidenceWriter().write(evidence, state.resolve("artifacts")));
    }

    /** Wall-clock microseconds of every switch to fail-closed in a gateway event log. */
    static List<Long> failClosedSwitches(Path eventLog) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String line : Files.readAllLines(eventLog)) {
            JsonNode n = EvidenceWriter.JSON.readTree(line);
            if (n.get("state").asString().equals("fail-closed")) out.add(n.get("epochMicros").asLong());
        }
        return out;
    }

    static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1_000;
    }
}
