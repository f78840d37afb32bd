package dev.shakedown.engine.evidence;

import dev.shakedown.engine.evidence.Evidence.ChaosScenarios;
import dev.shakedown.engine.evidence.Evidence.FailClosedBehavior;
import dev.shakedown.engine.evidence.Evidence.RecoveryValidation;
import dev.shakedown.engine.evidence.Evidence.ResilienceMetrics;
import dev.shakedown.engine.evidence.Evidence.SkippedScenario;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.run.Timeline;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.validate.Check;
import dev.shakedown.engine.validate.ScenarioVerdict;
import dev.shakedown.engine.validate.ScenarioVerdict.Verdict;
import dev.shakedown.engine.validate.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Judges a run with the {@link Validator} and assembles the evidence from what was measured. */
public final class EvidenceBuilder {
    private final Registry registry;
    private final Validator validator = new Validator();

    public EvidenceBuilder(Registry registry) {
        this.registry = registry;
    }

    public Evidence build(ExperimentPlan plan, RunResult result) {
        List<ScenarioVerdict> verdicts = result.scenarios().stream().map(validator::validate).toList();
        RunVerdict runVerdict = RunVerdict.of(result, verdicts);
        List<ScenarioEvidence> scenarios = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            scenarios.add(ScenarioEvidenceMapper.map(result.scenarios().get(i), verdicts.get(i)));
        }
        double score = verdicts.stream().filter(v -> v.verdict() != Verdict.SKIPPED).mapToDouble(ScenarioVerdict::score).average().orElse(0);
        boolean allPassed = !verdicts.isEmpty() && verdicts.stream().allMatch(v -> v.verdict() == Verdict.PASSED);
        return new Evidence(
                plan.component(),
                result.finishedAt().toString(),
                chaosScenarios(plan, result, verdicts),
                failClosed(scenarios),
                recovery(scenarios),
                new ResilienceMetrics(round(score), tolerance(score), allPassed && score >= 90),
                RunInfoFactory.of(plan, result, runVerdict),
                scenarios);
    }

    /**
     * A family is validated when every scenario that planned a fault of it passed; a scenario that did not
     * (failed, skipped because a tool is missing here, precondition failed) makes it false; no scenario: null.
     */
    private ChaosScenarios chaosScenarios(ExperimentPlan plan, RunResult result, List<ScenarioVerdict> verdicts) {
        Map<FaultCategory, Boolean> byCategory = new LinkedHashMap<>();
        List<SkippedScenario> skipped = new ArrayList<>();
        int executed = 0;
        for (int i = 0; i < verdicts.size(); i++) {
            ScenarioRecord record = result.scenarios().get(i);
            if (record.chaosInjected()) executed++;
            if (verdicts.get(i).verdict() == Verdict.SKIPPED) skipped.add(new SkippedScenario(record.name(), record.problem()));
            boolean passed = verdicts.get(i).verdict() == Verdict.PASSED;
            for (FaultCategory c : plannedCategories(plan, record.name())) byCategory.merge(c, passed, Boolean::logicalAnd);
        }
        return new ChaosScenarios(executed, byCategory.get(FaultCategory.PROCESS), byCategory.get(FaultCategory.NETWORK),
                byCategory.get(FaultCategory.MEMORY), byCategory.get(FaultCategory.INFRASTRUCTURE), skipped);
    }

    private List<FaultCategory> plannedCategories(ExperimentPlan plan, String scenario) {
        return plan.scenarios().stream().filter(s -> s.name().equals(scenario))
                .flatMap(s -> s.injections().stream())
                .map(inject -> registry.injector(inject.fault().type()).map(Injector::category).orElse(FaultCategory.INFRASTRUCTURE))
                .distinct().toList();
    }

    private static FailClosedBehavior failClosed(List<ScenarioEvidence> scenarios) {
        List<Check.Status> statuses = statuses(scenarios, "fail_closed_triggered");
        Double slowest = scenarios.stream().map(ScenarioEvidence::failClosedActivationMs).filter(Objects::nonNull)
                .max(Double::compare).orElse(null);
        int validated = (int) statuses.stream().filter(s -> s == Check.Status.PASSED).count();
        return new FailClosedBehavior(slowest, validated, statuses.isEmpty() ? null : validated == statuses.size());
    }

    private static RecoveryValidation recovery(List<ScenarioEvidence> scenarios) {
        List<Check.Status> recovered = statuses(scenarios, "recovery_successful");
        List<Check.Status> inTime = statuses(scenarios, "recovery_time_slo");
        List<Double> times = scenarios.stream().map(s -> s.recovery().timeToRecoveryMs()).filter(Objects::nonNull).sorted().toList();
        Double p95 = times.isEmpty() ? null : times.get((int) Math.ceil(0.95 * times.size()) - 1);
        Double rate = recovered.isEmpty() ? null
                : (double) recovered.stream().filter(s -> s == Check.Status.PASSED).count() / recovered.size();
        Boolean slo = inTime.isEmpty() ? null : inTime.stream().allMatch(s -> s == Check.Status.PASSED);
        return new RecoveryValidation(p95, rate, slo);
    }

    /** Statuses of one check over the scenarios where it applied. */
    private static List<Check.Status> statuses(List<ScenarioEvidence> scenarios, String check) {
        return scenarios.stream().flatMap(s -> s.validations().stream())
                .filter(v -> v.check().equals(check) && !v.status().equals(Check.Status.NOT_APPLICABLE.label()))
                .map(v -> v.passed() ? Check.Status.PASSED : Check.Status.FAILED).toList();
    }

    static String tolerance(double score) {
        if (score >= 90) return "excellent";
        if (score >= 75) return "good";
        if (score >= 50) return "fair";
        return "poor";
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static Double ms(long nanos) {
        return nanos < 0 ? null : Timeline.millis(nanos);
    }

    static String iso(Instant i) {
        return i.toString();
    }
}
