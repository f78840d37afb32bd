package dev.shakedown.cli;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.EvidenceWriter;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.reports.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment: start what it owns, inject real faults, check expectations, "
                + "roll back, write evidence.")
final class RunCommand implements Callable<Integer> {
    @Mixin ScriptOptions script;

    @Option(names = "--scenario", paramLabel = "NAME", description = "run only this scenario (repeatable)")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "artifacts",
            description = "where the evidence goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".shakedown",
            description = "ledger and per-run logs (default: ${DEFAULT-VALUE})")
    Path state;

    @Option(names = "--dry-run", description = "print the plan and what each fault would do; inject nothing")
    boolean dryRun;

    @Option(names = "--wait", description = "if another experiment is running on this host or state directory, "
            + "wait for it to end instead of failing")
    boolean waitForLock;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = Redacting.wrap(spec.commandLine().getErr());
        Registry registry = Registry.fromClasspath();
        ExperimentPlan plan = script.compile(registry, err).orElse(null);
        if (plan == null) return Main.SCRIPT_ERROR;
        if (!unknownScenarios(plan, err)) return Main.SCRIPT_ERROR;
        plan = plan.onlyScenarios(scenarios);
        Style style = Style.detect(script.noColor);
        PrintWriter console = Redacting.wrap(spec.commandLine().getOut());
        if (dryRun) {
            new PlanPrinter(console, style, registry).print(plan, true);
            return 0;
        }
        try (RunLock lock = RunLock.acquire(state, script.script, waitForLock, err)) {
            // What an engine that died left in effect is undone before this run adds faults of its own.
            RollbackCommand.replay(registry, state, console);
            return run(plan, registry, style, console, err);
        } catch (RunLock.Busy busy) {
            err.println(busy.getMessage());
            return RunLock.BUSY;
        }
    }

    private int run(ExperimentPlan plan, Registry registry, Style style, PrintWriter console, PrintWriter err)
            throws IOException {
        ExperimentSession session = new ExperimentSession(registry, state, style, console);
        // The guard stays until the evidence is written: a second signal must not end the JVM before that.
        try (SignalGuard guard = new SignalGuard(session.runner(), err)) {
            Evidence evidence = session.run(plan, script.script);
            session.summarize(evidence, new EvidenceWriter().write(evidence, out));
            return evidence.run().exitCode();
        }
    }

    private boolean unknownScenarios(ExperimentPlan plan, PrintWriter err) {
        List<String> known = plan.scenarios().stream().map(ScenarioPlan::name).toList();
        boolean ok = true;
        for (String name : scenarios) {
            if (!known.contains(name)) {
                err.println(script.script + ": no scenario '" + name + "'" + Suggestions.didYouMean(name, known)
                        + " (scenarios: " + String.join(", ", known) + ")");
                ok = false;
            }
        }
        return ok;
    }
}
