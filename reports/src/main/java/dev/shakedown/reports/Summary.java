package dev.shakedown.reports;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.ScenarioEvidence;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The final table: one row per scenario, the failed checks spelled out, the suite's score and verdict. */
public final class Summary {
    private final PrintWriter out;
    private final Style style;

    public Summary(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    public void print(Evidence e, Path evidenceFile) {
        out.println();
        out.println(style.bold(String.format("%-28s %-20s %6s %14s %14s", "scenario", "verdict", "score", "fail-closed", "recovery")));
        for (ScenarioEvidence s : e.scenarios()) {
            out.println(String.format("%-28s %s %6.0f %14s %14s", s.scenario(), pad(style.verdict(s.verdict()), s.verdict(), 20),
                    s.score(), ms(s.failClosedActivationMs()), ms(s.recovery().timeToRecoveryMs())));
            s.validations().stream().filter(v -> !v.passed()).forEach(v ->
                    out.println("    " + style.bad("✗ " + v.check()) + " (-" + v.penalty() + "): " + v.message()));
            if (s.problem() != null) out.println("    " + style.warn(s.problem()));
        }
        var m = e.resilienceMetrics();
        out.println();
        out.println("score " + style.bold(String.format("%.1f", m.overallScore())) + " (" + style.verdict(m.chaosTolerance()) + ")"
                + ", production ready: " + (m.productionReady() ? style.good("yes") : style.bad("no"))
                + ", run " + style.verdict(e.run().verdict()) + " (exit " + e.run().exitCode() + ")");
        if (e.run().interruption() != null) {
            out.println(style.warn("interrupted by " + e.run().interruption().reason() + "; every fault was rolled back"));
        }
        out.println("evidence: " + evidenceFile);
    }

    private static String pad(String painted, String plain, int width) {
        return painted + " ".repeat(Math.max(0, width - plain.length()));
    }

    private static String ms(Double v) {
        return v == null ? "-" : String.format("%.1f ms", v);
    }
}
