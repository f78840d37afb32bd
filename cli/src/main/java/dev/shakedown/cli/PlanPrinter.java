package dev.shakedown.cli;

import dev.shakedown.engine.evidence.EvidenceWriter;
import dev.shakedown.engine.plan.AbortSpec;
import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.IncludedFile;
import dev.shakedown.engine.plan.LoadSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.reports.Style;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a plan for people (with what each fault would do) or as JSON for tools. */
final class PlanPrinter {
    private final PrintWriter out;
    private final Style style;
    private final Registry registry;

    PlanPrinter(PrintWriter out, Style style, Registry registry) {
        this.out = Redacting.wrap(out);
        this.style = style;
        this.registry = registry;
    }

    void print(ExperimentPlan plan, boolean dryRun) {
        out.println(style.bold("experiment " + plan.component()) + plan.script().map(p -> style.dim("  (" + p + ")")).orElse(""));
        if (!plan.includes().isEmpty()) out.println("includes: " + String.join(", ", plan.includes().stream().map(IncludedFile::path).toList()));
        if (!plan.params().isEmpty()) out.println("parameters: " + plan.params());
        for (ResourceSpec r : plan.resources()) out.println("  start " + style.bold(r.name()) + ": " + describe(r));
        for (ConditionSpec c : plan.conditions()) {
            out.println("  condition " + c.name() + " every " + Durations.format(c.every()) + style.dim("  " + c.source()));
        }
        for (LoadSpec l : plan.loads()) out.println("  load " + l.name() + " at " + l.rate() + style.dim("  " + l.source()));
        out.println("  slo " + slo(plan.slo()) + ", monitor every " + Durations.format(plan.monitorEvery()));
        for (AbortSpec a : plan.aborts()) out.println("  " + abort(a) + style.dim("  " + a.source()));
        for (ScenarioPlan s : plan.scenarios()) {
            out.println(style.bold("scenario " + s.name()) + s.slo().map(o -> "  slo " + slo(o)).orElse(""));
            for (AbortSpec a : s.aborts()) out.println("    " + abort(a) + style.dim("  " + a.source()));
            for (Step step : s.steps()) {
                out.println("    " + step.describe() + style.dim("  " + step.source()));
                if (step instanceof Step.Inject inject) out.println("      " + style.warn("would " + describe(inject)));
            }
        }
        for (ScheduleSpec sc : plan.schedules()) {
            out.println("  schedule " + sc.describe() + style.dim("  " + sc.source()));
        }
        if (dryRun) out.println(style.good("dry run: nothing was started and nothing was injected"));
    }

    /** {@code abort when 'errorRate > 50.percent' (every 50ms): roll back every fault, stop the run} */
    private String abort(AbortSpec a) {
        return style.warn("abort when '" + a.name() + "'") + " (every " + Durations.format(a.every()) + "): roll back every fault at once, stop the run";
    }

    private static List<Object> abortsJson(List<AbortSpec> aborts) {
        return aborts.stream().<Object>map(a -> Map.of("name", a.name(), "every_ms", a.every().toMillis(), "source", a.source().toString())).toList();
    }

    private String describe(ResourceSpec r) {
        return registry.resourceType(r.kind()).map(t -> t.describe(r)).orElse(r.kind() + " (no library starts it)");
    }

    private String describe(Step.Inject inject) {
        return registry.injector(inject.fault().type()).map(i -> i.describe(inject.fault())).orElse(inject.fault().toString());
    }

    private static String slo(SloSpec s) {
        return String.format("errorRate below %.1f%%, latency.p95 below %s, recovery within %s, failClosed within %s",
                s.maxErrorRate() * 100, Durations.format(s.maxLatencyP95()), Durations.format(s.recoveryWithin()),
                Durations.format(s.failClosedWithin()));
    }

    void printJson(ExperimentPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("component", plan.component());
        json.put("script", plan.script().map(Object::toString).orElse(null));
        json.put("includes", plan.includes().stream().map(i -> Map.of("path", i.path(), "sha256", i.sha256())).toList());
        json.put("parameters", plan.params());
        json.put("resources", plan.resources().stream().map(r -> Map.of("name", r.name(), "kind", r.kind(),
                "does", describe(r), "source", r.source().toString())).toList());
        json.put("conditions", plan.conditions().stream().map(c -> Map.of("name", c.name(),
                "every_ms", c.every().toMillis(), "source", c.source().toString())).toList());
        json.put("loads", plan.loads().stream().map(l -> Map.of("name", l.name(), "rate_per_second", l.rate().perSecond())).toList());
        json.put("slo", Map.of("max_error_rate", plan.slo().maxErrorRate(), "max_latency_p95_ms", plan.slo().maxLatencyP95().toMillis(),
                "recovery_within_ms", plan.slo().recoveryWithin().toMillis(), "fail_closed_within_ms", plan.slo().failClosedWithin().toMillis()));
        List<Object> scenarios = new ArrayList<>();
        for (ScenarioPlan s : plan.scenarios()) {
            List<Object> steps = new ArrayList<>();
            for (Step step : s.steps()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("step", step.describe());
                m.put("source", step.source().toString());
                if (step instanceof Step.Inject inject) m.put("would", describe(inject));
                steps.add(m);
            }
            scenarios.add(Map.of("name", s.name(), "steps", steps, "aborts", abortsJson(s.aborts())));
        }
        json.put("aborts", abortsJson(plan.aborts()));
        json.put("scenarios", scenarios);
        json.put("schedules", plan.schedules().stream().map(PlanPrinter::scheduleJson).toList());
        out.println(EvidenceWriter.JSON.writeValueAsString(json));
    }

    private static Map<String, Object> scheduleJson(ScheduleSpec sc) {
        return Map.of("scenarios", sc.scenarios(), "cron", sc.cron(), "timezone", sc.zone().getId(), "misfire", sc.misfire().word(),
                "blackout", sc.blackouts().stream().map(b -> b.text()).toList(), "jitter_ms", sc.jitter().toMillis(),
                "source", sc.source().toString());
    }
}
