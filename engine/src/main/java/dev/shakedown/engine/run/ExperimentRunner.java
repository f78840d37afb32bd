package dev.shakedown.engine.run;

import dev.shakedown.engine.ledger.Ledger;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.spi.CurrentRun;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a plan: starts the system parts it owns, the load and the monitor, runs each scenario, and
 * stops everything again, in that order, whatever happens. {@link #interrupt(String)} (from a signal
 * handler) ends the run early; rollback still happens on the run's own thread, and a JVM shutdown hook
 * rolls back if the JVM exits before the run could.
 */
public final class ExperimentRunner {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Registry registry;
    private final RunOptions options;
    private final RunListener listener;
    private final Timeline timeline;
    private final String runId;
    private final List<RunEvent> events = new ArrayList<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private volatile Thread runThread;
    private volatile ScenarioRunner currentScenario;
    private volatile String interruption;
    private volatile long interruptedAt = -1;
    private volatile boolean finished;

    public ExperimentRunner(Registry registry, RunOptions options, RunListener listener) {
        this(registry, options, listener, new Timeline());
    }

    /** With a timeline made beforehand, so a listener can stamp its lines on the same clock. */
    public ExperimentRunner(Registry registry, RunOptions options, RunListener listener, Timeline timeline) {
        this.registry = registry;
        this.options = options;
        this.listener = listener;
        this.timeline = timeline;
        this.runId = RUN_ID.format(timeline.startedAt()) + "-" + Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xF000));
    }

    public String runId() {
        return runId;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Ends the run early: the current step stops, every fault is rolled back, the run reports why. */
    public void interrupt(String reason) {
        interrupt(reason, timeline.now());
    }

    /** As {@link #interrupt(String)}, for a reason observed at {@code atNanos} (an abort condition's answer). */
    void interrupt(String reason, long atNanos) {
        synchronized (this) {
            if (interruption == null) {
                interruptedAt = atNanos;
                interruption = reason;
            }
        }
        Thread t = runThread;
        if (t != null) t.interrupt();
    }

    public boolean isInterruptRequested() {
        return interruption != null;
    }

    public boolean isFinished() {
        return finished;
    }

    public RunResult run(ExperimentPlan plan) {
        runThread = Thread.currentThread();
        Path runDir = createRunDirectory();
        Thread hook = new Thread(this::rollbackOnExit, "shakedown-rollback-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        List<ScenarioRecord> records = new ArrayList<>();
        String startupProblem = null;
        List<MonitorSample> samples = List.of();
        try (Ledger ledger = Ledger.open(options.stateDir(), runId)) {
            Context context = new Context(plan, runDir, ledger);
            CurrentRun.set(context);
            Map<Resource, Long> started = new LinkedHashMap<>();
            try {
                startupProblem = startResources(plan, context, ledger, started);
                if (startupProblem != null) {
                    for (ScenarioPlan s : plan.scenarios()) records.add(notRun(plan, s, ScenarioRecord.Outcome.PRECONDITION_FAILED, startupProblem));
                } else {
                    warmUpInjectors(plan);
                    try (Monitor monitor = new Monitor(plan.loads(), plan.monitorEvery(), timeline, new OwnedProcesses(resources))) {
                        monitor.start();
                        for (ScenarioPlan scenario : plan.scenarios()) {
                            // After an abort or a signal no further fault is injected; what did not run says why.
                            records.add(interruption != null ? notRun(plan, scenario, ScenarioRecord.Outcome.SKIPPED, "not run: " + interruption)
                                    : runScenario(plan, scenario, ledger, context, monitor));
                        }
                        samples = monitor.samples();
                    }
                }
            } finally {
                stopResources(started, ledger, context);
                CurrentRun.clear(context);
            }
            RunResult result = new RunResult(runId, timeline.startedAt(), Instant.now(), runDir, ledger.file(),
                    resourceDetails(), records, List.copyOf(events), samples, interruption, interruptedAt, startupProblem);
            return result;
        } finally {
            finished = true;
            Thread.interrupted(); // an interrupt that came after the last step must not leak to the caller
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // The JVM is shutting down; the hook sees that the run finished and returns.
            }
        }
    }

    private ScenarioRecord runScenario(ExperimentPlan plan, ScenarioPlan scenario, Ledger ledger, Context context, Monitor monitor) {
        listener.scenarioStarted(scenario);
        ScenarioRunner runner = new ScenarioRunner(plan, scenario, registry, options, timeline, listener, ledger, context, this::interrupt);
        currentScenario = runner;
        try {
            ScenarioRecord record = runner.run(monitor);
            listener.scenarioFinished(record);
            return record;
        } finally {
            currentScenario = null;
        }
    }

    private void warmUpInjectors(ExperimentPlan plan) {
        plan.scenarios().stream().flatMap(s -> s.injections().stream()).map(i -> i.fault().type()).distinct()
                .forEach(type -> registry.injector(type).ifPresent(Injector::warmUp));
    }

    private ScenarioRecord notRun(ExperimentPlan plan, ScenarioPlan s, ScenarioRecord.Outcome outcome, String why) {
        return ScenarioRecord.notRun(plan, s, outcome, why, timeline.now());
    }

    private String startResources(ExperimentPlan plan, Context context, Ledger ledger, Map<Resource, Long> started) {
        for (ResourceSpec spec : plan.resources()) {
            if (interruption != null) return "interrupted while starting the system under test";
            ResourceType type = registry.resourceType(spec.kind()).orElse(null);
            if (type == null) return "no library starts resources of kind '" + spec.kind() + "'";
            Resource resource = type.create(spec, context);
            try {
                resource.start();
            } catch (Exception e) {
                resource.close();
                return "could not start '" + spec.name() + "': " + ConditionMonitor.describe(e);
            }
            started.put(resource, ledger.open("resource", spec.kind() + " '" + spec.name() + "'", resource.undoRecord()));
            resources.put(spec.name(), resource);
            listener.resourceStarted(spec.name(), resource.details());
        }
        return null;
    }

    private void stopResources(Map<Resource, Long> started, Ledger ledger, Context context) {
        List<Map.Entry<Resource, Long>> reversed = new ArrayList<>(started.entrySet());
        java.util.Collections.reverse(reversed);
        // The processes the run launched are stopped all at once (each takes its own time to exit, and a run
        // ended by a signal must be gone within seconds); then the rest, newest first, as they were started.
        List<Thread> stoppers = new ArrayList<>();
        for (var e : reversed) {
            if (!isLaunchedProcess(e.getKey())) continue;
            Thread stopper = new Thread(() -> stop(e.getKey(), e.getValue(), ledger, context), "shakedown-stop-" + e.getKey().name());
            stopper.start();
            stoppers.add(stopper);
        }
        boolean interrupted = false;
        for (Thread stopper : stoppers) {
            while (true) {
                try {
                    stopper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        for (var e : reversed) {
            if (isLaunchedProcess(e.getKey())) continue;
            stop(e.getKey(), e.getValue(), ledger, context);
        }
    }

    private static void stop(Resource resource, long seq, Ledger ledger, Context context) {
        resource.close();
        ActiveFaults.markUndone(ledger, context, seq);
    }

    private static boolean isLaunchedProcess(Resource resource) {
        try {
            return "launched".equals(resource.details().get("mode"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Map<String, Map<String, Object>> resourceDetails() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            try {
                out.put(name, r.details());
            } catch (RuntimeException e) {
                out.put(name, Map.of("details_error", ConditionMonitor.describe(e)));
            }
        });
        return out;
    }

    private Path createRunDirectory() {
        Path dir = options.stateDir().resolve("runs").resolve(runId);
        try {
            dev.shakedown.engine.ledger.OwnerOnly.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The JVM is exiting while the run is still going: roll back now, then give the run a moment to finish. */
    private void rollbackOnExit() {
        if (finished) return;
        interrupt(interruption != null ? interruption : "the JVM is shutting down");
        ScenarioRunner s = currentScenario;
        if (s != null) s.emergencyRollback();
        Thread t = runThread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Context implements dev.shakedown.engine.spi.RunContext {
        private final ExperimentPlan plan;
        private final Path runDir;
        private final Ledger ledger;

        Context(ExperimentPlan plan, Path runDir, Ledger ledger) {
            this.plan = plan;
            this.runDir = runDir;
            this.ledger = ledger;
        }

        @Override public ExperimentPlan plan() { return plan; }
        @Override public String runId() { return runId; }
        @Override public Path runDirectory() { return runDir; }
        @Override public java.util.Optional<Resource> resource(String name) { return java.util.Optional.ofNullable(resources.get(name)); }
        @Override public long ledgerOpen(String what, dev.shakedown.engine.spi.UndoRecord undo) { return ledger.open("resource", what, undo); }
        @Override public void ledgerUndone(long seq) { ledger.undone(seq); }
        @Override public boolean isInterrupted() { return isInterruptRequested(); }

        @Override
        public void event(String kind, Map<String, Object> data) {
            synchronized (events) {
                events.add(new RunEvent(timeline.now(), kind, data));
            }
        }
    }
}
