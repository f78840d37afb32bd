package dev.shakedown.cli;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.EvidenceBuilder;
import dev.shakedown.engine.evidence.EvidenceWarmUp;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.Timeline;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.reports.ConsoleProgress;
import dev.shakedown.reports.Style;
import dev.shakedown.reports.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * One run of a plan as {@code run} does it, shared with the firings of {@code schedule}: progress on the
 * console, the evidence built from the result, the summary. The caller holds the run lock and has replayed
 * the ledger; it decides where the evidence goes and how a signal reaches {@link #runner()}.
 */
final class ExperimentSession {
    private final Registry registry;
    private final Style style;
    private final PrintWriter console;
    private final ExperimentRunner runner;

    ExperimentSession(Registry registry, Path state, Style style, PrintWriter console) {
        this.registry = registry;
        this.style = style;
        this.console = console;
        Timeline timeline = new Timeline();
        this.runner = new ExperimentRunner(registry, RunOptions.defaults(state), new ConsoleProgress(console, style, timeline), timeline);
    }

    ExperimentRunner runner() {
        return runner;
    }

    Evidence run(ExperimentPlan plan, Path script) {
        console.println(style.bold("shakedown") + " run " + runner.runId() + " of " + script);
        EvidenceWarmUp.start(registry, plan);
        return new EvidenceBuilder(registry).build(plan, runner.run(plan));
    }

    void summarize(Evidence evidence, Path file) {
        new Summary(console, style).print(evidence, file);
    }
}
