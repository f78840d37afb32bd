package dev.shakedown.engine.evidence;

import static dev.shakedown.engine.evidence.EvidenceBuilder.ms;

import dev.shakedown.engine.evidence.ScenarioEvidence.ExpectationEvidence;
import dev.shakedown.engine.evidence.ScenarioEvidence.FaultEvidence;
import dev.shakedown.engine.evidence.ScenarioEvidence.Recovery;
import dev.shakedown.engine.evidence.ScenarioEvidence.Series;
import dev.shakedown.engine.evidence.ScenarioEvidence.StepEvidence;
import dev.shakedown.engine.evidence.ScenarioEvidence.Table;
import dev.shakedown.engine.evidence.ScenarioEvidence.Validation;
import dev.shakedown.engine.evidence.ScenarioEvidence.Window;
import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.run.Observation;
import dev.shakedown.engine.run.ScenarioRecord;
import dev.shakedown.engine.run.ScenarioRecord.ExpectationRecord;
import dev.shakedown.engine.run.ScenarioRecord.Phase;
import dev.shakedown.engine.run.Timeline;
import dev.shakedown.engine.validate.Check;
import dev.shakedown.engine.validate.ScenarioVerdict;
import dev.shakedown.engine.validate.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario's record and verdict, as evidence. */
final class ScenarioEvidenceMapper {
    private ScenarioEvidenceMapper() {}

    static ScenarioEvidence map(ScenarioRecord r, ScenarioVerdict v) {
        List<ExpectationRecord> duringChaos = r.expectations().stream().filter(e -> e.phase() == Phase.DURING_CHAOS).toList();
        Boolean failClosedTriggered = duringChaos.isEmpty() ? null : duringChaos.stream().allMatch(e -> e.firstTrue() != null);
        Double activation = duringChaos.isEmpty() || duringChaos.get(0).firstTrue() == null ? null
                : ms(duringChaos.get(0).elapsedNanos());
        boolean expectsRecovery = r.expectations().stream().anyMatch(e -> e.phase() == Phase.RECOVERY);
        long recoveryTime = Validator.recoveryTimeNanos(r);
        Recovery recovery = new Recovery(expectsRecovery ? recoveryTime >= 0 && recovered(v) : null,
                expectsRecovery ? ms(recoveryTime) : null);
        double chaosSeconds = r.chaosInjected() ? (r.chaosEndNanos() - r.chaosStartNanos()) / 1e9 : 0;
        return new ScenarioEvidence(
                r.name(),
                EvidenceBuilder.round(chaosSeconds),
                r.chaosInjected(),
                SystemImpact.of(Validator.duringChaos(r)),
                recovery,
                failClosedTriggered,
                Timeline.millis(r.endedNanos() - r.startedNanos()),
                v.verdict().label(),
                v.score(),
                r.problem(),
                activation,
                failClosedReasons(Validator.duringChaos(r)),
                failClosedResponses(Validator.duringChaos(r)),
                Timeline.millis(r.startedNanos()),
                Timeline.millis(r.endedNanos()),
                r.chaosInjected() ? new Window(Timeline.millis(r.chaosStartNanos()), Timeline.millis(r.chaosEndNanos())) : null,
                v.checks().stream().map(ScenarioEvidenceMapper::validation).toList(),
                r.steps().stream().map(s -> new StepEvidence(s.step(), s.source(), Timeline.millis(s.startedNanos()),
                        Timeline.millis(s.endedNanos()), s.status(), s.message())).toList(),
                r.faults().stream().map(ScenarioEvidenceMapper::fault).toList(),
                r.expectations().stream().map(ScenarioEvidenceMapper::expectation).toList(),
                new Series(conditionTables(r), monitorTable(r.samples()), abortTables(r)),
                abort(r.abort()));
    }

    private static ScenarioEvidence.Abort abort(ScenarioRecord.AbortRecord a) {
        if (a == null) return null;
        long fired = a.fired().completedNanos();
        return new ScenarioEvidence.Abort(a.name(), a.source(), Timeline.millis(fired), ms(a.windowAtNanos()),
                Timeline.millis(a.rolledBackNanos()), Timeline.millis(a.rolledBackNanos() - fired), a.faultsRolledBack());
    }

    private static Map<String, Table> abortTables(ScenarioRecord r) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (ScenarioRecord.AbortSeries a : r.abortSeries()) tables.put(a.name(), observationTable(a.observations(), a.everyNanos()));
        return tables;
    }

    /** The load's deliberate fail-closed answers during chaos, by reason: the sum of the monitor rows'. */
    private static Map<String, Long> failClosedReasons(List<MonitorSample> chaos) {
        Map<String, Long> sum = new java.util.TreeMap<>();
        for (MonitorSample s : chaos) {
            if (s.failClosedReasons() != null) s.failClosedReasons().forEach((reason, n) -> sum.merge(reason, n, Long::sum));
        }
        return sum;
    }

    /** The load's deliberate fail-closed answers during chaos: the sum of the monitor rows' {@code fail_closed_responses}; null without load. */
    private static Long failClosedResponses(List<MonitorSample> chaos) {
        List<Long> counts = chaos.stream().map(MonitorSample::failClosedResponses).filter(n -> n != null).toList();
        return counts.isEmpty() ? null : counts.stream().mapToLong(Long::longValue).sum();
    }

    private static boolean recovered(ScenarioVerdict v) {
        return v.checks().stream().anyMatch(c -> c.check().equals("recovery_successful") && c.status() == Check.Status.PASSED);
    }

    private static Validation validation(Check c) {
        return new Validation(c.check(), c.status().label(), c.passed(), c.penalty(), c.message());
    }

    private static FaultEvidence fault(ScenarioRecord.FaultRecord f) {
        return new FaultEvidence(f.fault(), f.type(), f.target(), ms(f.applyStartedNanos()), ms(f.injectedNanos()),
                ms(f.rolledBackNanos()), f.details(), f.error(), f.rollbackError());
    }

    private static ExpectationEvidence expectation(ExpectationRecord e) {
        return new ExpectationEvidence(e.condition(), e.phase().name().toLowerCase().replace('_', '-'),
                Timeline.millis(e.withinNanos()), e.anchor(), Timeline.millis(e.anchorNanos()), e.met(),
                e.firstTrue() == null ? null : Timeline.millis(e.firstTrue().completedNanos()),
                e.firstTrue() == null ? null : Timeline.millis(e.elapsedNanos()), e.source());
    }

    private static Map<String, Table> conditionTables(ScenarioRecord r) {
        Map<String, Table> tables = new LinkedHashMap<>();
        r.series().forEach((name, observations) -> tables.put(name, observationTable(observations, r.seriesEveryNanos().get(name))));
        return tables;
    }

    private static Table observationTable(List<Observation> observations, Long everyNanos) {
        List<List<Object>> rows = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            rows.add(Arrays.asList(Timeline.millis(o.startedNanos()), Timeline.millis(o.completedNanos()), o.value(), o.error()));
        }
        return new Table(everyNanos == null ? null : Timeline.millis(everyNanos), List.of("started_ms", "completed_ms", "value", "error"), rows);
    }

    private static Table monitorTable(List<MonitorSample> samples) {
        List<List<Object>> rows = new ArrayList<>(samples.size());
        for (MonitorSample s : samples) {
            rows.add(Arrays.asList(Timeline.millis(s.atNanos()), Timeline.millis(s.windowNanos()), s.requests(),
                    s.latencyP50Ms(), s.latencyP95Ms(), s.latencyP99Ms(), s.errorRate(), s.throughput(), s.failClosedShare(),
                    s.failClosedReasons(), s.failClosedResponses(),
                    EvidenceBuilder.round(s.cpuPercent()), EvidenceBuilder.round(s.memoryPercent()), processes(s)));
        }
        Double every = samples.isEmpty() ? null : Timeline.millis(samples.get(0).windowNanos());
        return new Table(every, List.of("at_ms", "window_ms", "requests", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
                "error_rate", "throughput_rps", "fail_closed_share", "fail_closed_reasons", "fail_closed_responses", "cpu_percent",
                "memory_percent", "processes"), rows);
    }

    /** The window's owned processes as {@code {name: {pid, cpu_percent, rss_bytes}}}. */
    private static Map<String, Map<String, Object>> processes(MonitorSample s) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        s.processes().forEach((name, p) -> {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("pid", p.pid());
            cell.put("cpu_percent", p.cpuPercent() == null ? null : EvidenceBuilder.round(p.cpuPercent()));
            cell.put("rss_bytes", p.rssBytes());
            out.put(name, cell);
        });
        return out;
    }
}
