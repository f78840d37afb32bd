package dev.shakedown.engine.run;

import dev.shakedown.engine.ledger.Ledger;
import dev.shakedown.engine.plan.AbortSpec;
import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.run.ScenarioRecord.AbortRecord;
import dev.shakedown.engine.run.ScenarioRecord.AbortSeries;
import dev.shakedown.engine.run.ScenarioRecord.ExpectationRecord;
import dev.shakedown.engine.run.ScenarioRecord.FaultRecord;
import dev.shakedown.engine.run.ScenarioRecord.Outcome;
import dev.shakedown.engine.run.ScenarioRecord.Phase;
import dev.shakedown.engine.run.ScenarioRecord.StepRecord;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;

/**
 * Runs the steps of one scenario on the calling thread. Conditions the scenario names are monitored
 * from its start; every fault is rolled back before this returns, however the steps ended. Abort
 * conditions are watched on threads of their own: the one that fires first rolls back every fault from its
 * thread at once, then asks the run to stop, which interrupts the current step.
 */
final class ScenarioRunner {
    private final ExperimentPlan plan;
    private final ScenarioPlan scenario;
    private final Registry registry;
    private final RunOptions options;
    private final Timeline timeline;
    private final RunListener listener;
    private final ActiveFaults faults;
    private final Map<String, ConditionMonitor> monitors = new LinkedHashMap<>();
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<ExpectationRecord> expectations = new ArrayList<>();
    private final ObjLongConsumer<String> stopRun;
    private final List<AbortWatch> abortWatches = new ArrayList<>();
    private final Object abortLock = new Object();
    private volatile AbortRecord abort;
    private volatile List<FaultRecord> abortRolledBack = List.of();
    private Monitor monitor;

    private long anchorNanos;
    private String anchor = "scenario start";
    private Phase phase = Phase.BEFORE_INJECTION;
    private long chaosStart = -1;
    private long chaosEnd = -1;

    ScenarioRunner(ExperimentPlan plan, ScenarioPlan scenario, Registry registry, RunOptions options,
                   Timeline timeline, RunListener listener, Ledger ledger, RunContext context,
                   ObjLongConsumer<String> stopRun) {
        this.plan = plan;
        this.stopRun = stopRun;
        this.scenario = scenario;
        this.registry = registry;
        this.options = options;
        this.timeline = timeline;
        this.listener = listener;
        this.faults = new ActiveFaults(ledger, timeline, context);
    }

    /** Rolls back whatever is in effect now; safe to call from another thread (a signal handler). */
    void emergencyRollback() {
        faults.rollbackAll().forEach(listener::faultRolledBack);
    }

    ScenarioRecord run(Monitor monitor) {
        long started = timeline.now();
        Optional<String> unavailable = unavailableFault();
        if (unavailable.isPresent()) {
            return ScenarioRecord.notRun(plan, scenario, Outcome.SKIPPED, unavailable.get(), started);
        }
        anchorNanos = started;
        this.monitor = monitor;
        startMonitors();
        Outcome outcome = Outcome.COMPLETED;
        String problem = null;
        try {
            for (Step step : scenario.steps()) {
                StepResult result = runStep(step);
                if (result == StepResult.PRECONDITION_FAILED) {
                    outcome = Outcome.PRECONDITION_FAILED;
                    problem = steps.get(steps.size() - 1).message();
                    break;
                }
            }
        } catch (InterruptedException e) {
            outcome = Outcome.INTERRUPTED;
            problem = "interrupted";
        } catch (StepFailure e) {
            outcome = Outcome.ERROR;
            problem = e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            // A defect, not a verdict on the system: still roll back, still write evidence that says so.
            outcome = Outcome.ERROR;
            problem = "internal error: " + ConditionMonitor.describe(e);
        } finally {
            abortWatches.forEach(AbortWatch::close);
            // The abort's request to stop the run interrupted this thread; what follows must still wait and join.
            if (abort != null) Thread.interrupted();
            if (!faults.isEmpty()) {
                if (chaosEnd < 0 && chaosStart >= 0) chaosEnd = timeline.now();
                faults.rollbackAll().forEach(listener::faultRolledBack);
            }
            monitors.values().forEach(ConditionMonitor::close);
        }
        long ended = timeline.now();
        if (chaosStart >= 0 && chaosEnd < 0) chaosEnd = ended;
        AbortRecord fired = abort;
        if (fired != null) {
            outcome = Outcome.ABORTED;
            problem = "abort condition '" + fired.name() + "' fired; every fault was rolled back and the run stopped";
            long firedAt = fired.fired().completedNanos();
            // Chaos ends where its rollback began, as it does at recover.
            if (chaosStart >= 0 && firedAt >= chaosStart && firedAt < chaosEnd) chaosEnd = firedAt;
            abortRolledBack.forEach(listener::faultRolledBack);
            listener.notice("abort condition '" + fired.name() + "' fired at " + Timeline.millis(firedAt) + " ms; "
                    + fired.faultsRolledBack().size() + " fault(s) rolled back " + Timeline.millis(fired.rolledBackNanos() - firedAt)
                    + " ms later");
        }
        return new ScenarioRecord(scenario.name(), outcome, problem, started, ended, chaosStart, chaosEnd,
                scenario.slo().orElse(plan.slo()), List.copyOf(steps), faults.records(), List.copyOf(expectations),
                seriesSnapshot(), seriesIntervals(), samplesBetween(monitor, started, ended), abortSeries(), fired);
    }

    /**
     * The experiment's abort conditions, then the scenario's own, each on its own thread from the first
     * injection to the scenario's end. Not before: a system that is unwell before anything is injected is
     * the steady state's business (precondition-failed, nothing injected), not the faults' blast radius.
     */
    private void startAbortWatches(long chaosStarted) {
        List<AbortSpec> specs = new ArrayList<>(plan.aborts());
        specs.addAll(scenario.aborts());
        for (AbortSpec spec : specs) {
            AbortWatch watch = new AbortWatch(spec, timeline, () -> windowSince(monitor, chaosStarted), this::abortFired);
            abortWatches.add(watch);
            watch.start();
        }
    }

    /** Only windows that ended after the first injection, as the validator counts windows "during chaos". */
    private static MonitorSample windowSince(Monitor monitor, long chaosStarted) {
        MonitorSample latest = monitor.latest();
        return latest != null && latest.atNanos() > chaosStarted ? latest : null;
    }

    /** On the watch's thread: roll back at once, then stop the run (which interrupts the current step). */
    private void abortFired(AbortSpec spec, Observation observation, MonitorSample window) {
        synchronized (abortLock) {
            if (abort != null) return; // another abort condition fired first and has rolled back
            List<FaultRecord> undone = faults.stopAndRollbackAll();
            // When the last fault's rollback finished (so the evidence can derive it from the faults), or at
            // once when nothing was in effect.
            long rolledBack = undone.stream().mapToLong(FaultRecord::rolledBackNanos).max().orElse(observation.completedNanos());
            abortRolledBack = undone;
            abort = new AbortRecord(spec.name(), spec.source().toString(), observation, window == null ? -1 : window.atNanos(),
                    rolledBack, undone.stream().map(FaultRecord::fault).toList());
        }
        stopRun.accept("abort condition '" + spec.name() + "' fired in scenario '" + scenario.name() + "'", observation.completedNanos());
    }

    private List<AbortSeries> abortSeries() {
        return abortWatches.stream().map(w -> new AbortSeries(w.spec().name(), w.spec().source().toString(),
                w.series().everyNanos(), w.series().snapshot())).toList();
    }

    /** The first fault of the scenario that cannot run here, said as the reason to skip it. */
    private Optional<String> unavailableFault() {
        for (Step.Inject inject : scenario.injections()) {
            Optional<String> why = registry.injector(inject.fault().type()).flatMap(i -> i.unavailable(inject.fault(), plan));
            if (why.isPresent()) return Optional.of(inject.fault() + " cannot run here: " + why.get());
        }
        return Optional.empty();
    }

    private enum StepResult { OK, FAILED, PRECONDITION_FAILED }

    /** An error that ends the scenario (a fault that could not take effect). */
    private static final class StepFailure extends Exception {
        StepFailure(String message) {
            super(message, null, false, false);
        }
    }

    private StepResult runStep(Step step) throws InterruptedException, StepFailure {
        if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
        long started = timeline.now();
        String status = "ok";
        String message = null;
        StepResult result = StepResult.OK;
        try {
            if (step instanceof Step.SteadyState s) {
                message = steadyState(s, started);
                if (message != null) {
                    status = "failed";
                    result = StepResult.PRECONDITION_FAILED;
                }
            } else if (step instanceof Step.Inject inject) {
                message = inject(inject);
            } else if (step instanceof Step.Hold hold) {
                TimeUnit.NANOSECONDS.sleep(hold.duration().toNanos());
            } else if (step instanceof Step.ExpectWithin expect) {
                ExpectationRecord r = expect(expect);
                message = r.met()
                        ? "met after " + Timeline.millis(r.elapsedNanos()) + " ms"
                        : r.firstTrue() == null ? "not observed" : "observed only after " + Timeline.millis(r.elapsedNanos()) + " ms";
                if (!r.met()) {
                    status = "failed";
                    result = StepResult.FAILED;
                }
            } else if (step instanceof Step.Recover) {
                message = recover(started);
            }
        } catch (InterruptedException e) {
            record(step, started, "interrupted", "interrupted");
            throw e;
        } catch (StepFailure e) {
            record(step, started, "error", e.getMessage());
            throw e;
        }
        record(step, started, status, message);
        return result;
    }

    private void record(Step step, long started, String status, String message) {
        StepRecord r = new StepRecord(step.describe(), step.source().toString(), started, timeline.now(), status, message);
        steps.add(r);
        listener.stepFinished(scenario, step, r);
    }

    private String steadyState(Step.SteadyState step, long started) throws InterruptedException {
        ConditionSeries series = monitors.get(step.condition()).series();
        long deadline = started + options.steadyStateGrace().toNanos();
        if (series.awaitFirstTrue(started, deadline).isPresent()) return null;
        String lastError = series.snapshot().stream().filter(o -> o.startedNanos() >= started && o.error() != null)
                .reduce((a, b) -> b).map(o -> " (last probe error: " + o.error() + ")").orElse("");
        return "steady state '" + step.condition() + "' did not hold within "
                + dev.shakedown.engine.plan.Durations.format(options.steadyStateGrace()) + lastError
                + "; nothing was injected";
    }

    private String inject(Step.Inject step) throws StepFailure, InterruptedException {
        Injector injector = registry.injector(step.fault().type())
                .orElseThrow(() -> new StepFailure("no injector for fault '" + step.fault().type() + "'"));
        try {
            var record = faults.inject(injector, step.fault());
            if (chaosStart < 0) {
                chaosStart = record.injectedNanos();
                startAbortWatches(record.applyStartedNanos());
            }
            // From the moment the fault began to act: a probe asked while apply() ran may already see it.
            anchorNanos = record.applyStartedNanos();
            anchor = "inject " + step.fault();
            phase = Phase.DURING_CHAOS;
            return record.details().isEmpty() ? null : format(record.details());
        } catch (InterruptedException aborted) {
            throw aborted;
        } catch (Exception e) {
            throw new StepFailure("could not inject " + step.fault() + ": " + ConditionMonitor.describe(e));
        }
    }

    static String format(Map<String, Object> details) {
        StringBuilder sb = new StringBuilder();
        details.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    private ExpectationRecord expect(Step.ExpectWithin step) throws InterruptedException {
        ConditionSeries series = monitors.get(step.condition()).series();
        long deadline = anchorNanos + step.within().toNanos();
        Optional<Observation> met = series.awaitFirstTrue(anchorNanos, deadline);
        ExpectationRecord record = new ExpectationRecord(step.condition(), phase, step.within().toNanos(), anchor,
                anchorNanos, met.isPresent(), met.orElseGet(() -> series.firstTrueSince(anchorNanos).orElse(null)),
                step.source().toString());
        expectations.add(record);
        return record;
    }

    private String recover(long started) {
        if (chaosStart >= 0 && chaosEnd < 0) chaosEnd = started;
        List<ScenarioRecord.FaultRecord> undone = faults.rollbackAll();
        undone.forEach(listener::faultRolledBack);
        anchorNanos = started;
        anchor = "recover";
        phase = Phase.RECOVERY;
        long failed = undone.stream().filter(f -> f.rollbackError() != null).count();
        return "rolled back " + undone.size() + " fault(s)" + (failed > 0 ? ", " + failed + " failed" : "");
    }

    private void startMonitors() {
        Set<String> names = new LinkedHashSet<>();
        for (Step step : scenario.steps()) {
            if (step instanceof Step.ExpectWithin e) names.add(e.condition());
            if (step instanceof Step.SteadyState s) names.add(s.condition());
        }
        for (String name : names) {
            ConditionSpec spec = plan.condition(name).orElseThrow(() ->
                    new IllegalStateException("unknown condition '" + name + "' (the plan was not validated)"));
            ConditionMonitor m = new ConditionMonitor(spec, timeline);
            monitors.put(name, m);
            m.start();
        }
    }

    private Map<String, List<Observation>> seriesSnapshot() {
        Map<String, List<Observation>> out = new LinkedHashMap<>();
        monitors.forEach((name, m) -> out.put(name, m.series().snapshot()));
        return out;
    }

    private Map<String, Long> seriesIntervals() {
        Map<String, Long> out = new LinkedHashMap<>();
        monitors.forEach((name, m) -> out.put(name, m.series().everyNanos()));
        return out;
    }

    private static List<MonitorSample> samplesBetween(Monitor monitor, long from, long to) {
        return monitor.samples().stream().filter(s -> s.atNanos() > from && s.atNanos() <= to).toList();
    }

}
