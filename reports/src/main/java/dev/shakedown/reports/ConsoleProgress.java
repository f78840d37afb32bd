package dev.shakedown.reports;

import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.run.Timeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** One line per step as the run goes, prefixed with the time since the run began. */
public final class ConsoleProgress implements RunListener {
    private final PrintWriter out;
    private final Style style;
    private final Timeline timeline;

    public ConsoleProgress(PrintWriter out, Style style, Timeline timeline) {
        this.out = out;
        this.style = style;
        this.timeline = timeline;
    }

    private String stamp() {
        return style.dim(String.format("%8.3fs", timeline.now() / 1e9));
    }

    @Override
    public void resourceStarted(String name, Map<String, Object> details) {
        StringBuilder facts = new StringBuilder();
        for (String key : List.of("mode", "pid", "port")) {
            if (details.containsKey(key)) facts.append(facts.length() == 0 ? "" : ", ").append(key).append(' ').append(details.get(key));
        }
        out.println(stamp() + "  started " + style.bold(name) + style.dim(facts.length() == 0 ? "" : " (" + facts + ")"));
    }

    @Override
    public void scenarioStarted(ScenarioPlan scenario) {
        out.println(stamp() + "  scenario " + style.bold(scenario.name()));
    }

    @Override
    public void stepFinished(ScenarioPlan scenario, Step step, ScenarioRecord.StepRecord r) {
        String status = switch (r.status()) {
            case "ok" -> style.good("ok");
            case "failed" -> style.bad("FAILED");
            default -> style.bad(r.status().toUpperCase());
        };
        double took = (r.endedNanos() - r.startedNanos()) / 1e6;
        out.println(stamp() + "    " + status + "  " + r.step()
                + (r.message() == null ? "" : style.dim("  " + r.message()))
                + style.dim(String.format("  [%.1f ms]", took)));
    }

    @Override
    public void faultRolledBack(ScenarioRecord.FaultRecord f) {
        String what = f.rollbackError() == null ? style.good("rolled back") : style.bad("ROLLBACK FAILED: " + f.rollbackError());
        out.println(stamp() + "    " + what + "  " + f.fault());
    }

    @Override
    public void scenarioFinished(ScenarioRecord record) {
        if (record.problem() != null && record.outcome() != ScenarioRecord.Outcome.COMPLETED) {
            out.println(stamp() + "    " + style.warn(record.problem()));
        }
    }

    @Override
    public void notice(String message) {
        out.println(stamp() + "  " + style.warn(message));
    }

}
