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
 * Skews the demo guardian's clock N times in one run and reports the time from the inject step's start to
 * the offset written, and from then to the guardian's first decision with the new time, which is the
 * first stale-decision switch in the gateway's own event log (the gateway asks the guardian every 10 ms).
 * libfaketime re-reads the offset up to once a second, so the second figure lies between 0 and about 1 s.
 *
 * <p>Usage: ClockBench SCRIPT STATE_DIR TIMES
 */
public final class ClockBench {
    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[1]);
        Registry registry = Registry.fromClasspath();
        ExperimentPlan plan = new ScriptCompiler(registry, ClockBench.class.getClassLoader())
                .compile(Path.of(args[0]), Map.of("times", args[2]));
        RunResult result = new ExperimentRunner(registry, RunOptions.defaults(state), RunListener.NONE).run(plan);
        Evidence evidence = new EvidenceBuilder(registry).build(plan, result);
        ScenarioEvidence s = evidence.scenarios().get(0);
        if (!s.verdict().equals("passed")) throw new IllegalStateException("the benchmark run did not pass: " + s.validations());

        var injectSteps = s.steps().stream().filter(step -> step.step().startsWith("inject")).toList();
        List<Long> stale = KillBench.failClosedSwitches(result.runDirectory().resolve("gateway-events.jsonl"));
        long startedMicros = KillBench.micros(result.startedAt());
        List<Double> written = new ArrayList<>(), seen = new ArrayList<>();
        for (int i = 0; i < injectSteps.size(); i++) {
            double appliedMs = s.faults().get(i).injectedAtMs();
            written.add(appliedMs - injectSteps.get(i).startedAtMs());
            double appliedMicros = startedMicros + appliedMs * 1000;
            long first = stale.stream().filter(t -> t >= appliedMicros).findFirst().orElseThrow();
            seen.add((first - appliedMicros) / 1000.0);
        }
        System.out.println("inject step start -> offset written: " + Stats.of(written).format("ms"));
        System.out.println("offset written -> guardian decides with the new time: " + Stats.of(seen).format("ms"));
    }
}
