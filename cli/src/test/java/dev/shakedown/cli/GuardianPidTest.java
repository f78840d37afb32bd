package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.spi.CurrentRun;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches the real guardian process through the run: killed means its PID is gone; recovered means a new PID serves. */
class GuardianPidTest {
    @TempDir Path dir;

    private static long guardianPid() {
        Object pid = CurrentRun.require("test").resource("guardian").orElseThrow().details().get("pid");
        return ((Number) pid).longValue();
    }

    /** Gone, or a zombie: SIGKILL ends a process at once, but its parent reaps it a moment later. */
    private static boolean dead(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (java.io.IOException gone) {
            return true;
        }
    }

    @Test
    void theKilledGuardianIsReallyGoneAndANewOneServesAfterRecovery() throws Exception {
        Registry registry = Registry.fromClasspath();
        ExperimentPlan plan = new ScriptCompiler(registry, getClass().getClassLoader())
                .compile(Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy"), Map.of("hold", "500ms"));
        List<String> seen = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        RunListener watcher = new RunListener() {
            @Override
            public void stepFinished(ScenarioPlan scenario, Step step, ScenarioRecord.StepRecord r) {
                if (step instanceof Step.SteadyState) pids.add(guardianPid());
                if (step instanceof Step.ExpectWithin e && e.condition().equals("failClosed")) {
                    seen.add("killed dead=" + dead(pids.get(0)));
                }
                if (step instanceof Step.Recover) pids.add(guardianPid());
                if (step instanceof Step.ExpectWithin e && e.condition().equals("healthy")) {
                    long fresh = pids.get(1);
                    seen.add("fresh alive=" + ProcessHandle.of(fresh).map(ProcessHandle::isAlive).orElse(false));
                    seen.add("healthy met=" + r.status());
                }
            }
        };

        var result = new ExperimentRunner(registry, RunOptions.defaults(dir), watcher).run(plan);

        assertThat(result.scenarios().get(0).outcome()).isEqualTo(ScenarioRecord.Outcome.COMPLETED);
        assertThat(seen).containsExactly("killed dead=true", "fresh alive=true", "healthy met=ok");
        assertThat(pids.get(1)).isNotEqualTo(pids.get(0));
        assertThat(result.scenarios().get(0).faults().get(0).details()).containsEntry("pid", pids.get(0));
        // Everything the run started is stopped again.
        assertThat(ProcessHandle.of(pids.get(1)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
