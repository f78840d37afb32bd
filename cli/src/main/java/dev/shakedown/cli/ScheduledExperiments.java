package dev.shakedown.cli;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.reports.Style;
import dev.shakedown.schedule.Firing;
import dev.shakedown.schedule.FiringHistory;
import dev.shakedown.schedule.Firings;
import dev.shakedown.schedule.ScenarioGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The firings of {@code schedule}, run as {@code run} runs an experiment: the script compiled as it is now
 * (its ports and closures are fresh), under the host's and the state directory's run lock (waiting for
 * another experiment rather than overlapping it) and with a lease on its scenarios ({@link ScenarioGuard}: the
 * same scenario never runs twice at once, on any node), after the replay of the ledgers of every schedule node of
 * this host ({@link HostStateDirs}), so that what a node killed mid-experiment left in effect is undone first.
 */
final class ScheduledExperiments implements Firings {
    private final Registry registry;
    private final ScenarioGuard guard;
    private final Path state;
    private final Style style;
    private final PrintWriter console;
    private final PrintWriter err;
    private final boolean debug;
    private volatile boolean stopping;
    private volatile ExperimentRunner running;

    ScheduledExperiments(Registry registry, ScenarioGuard guard, Path state, Style style, PrintWriter console, PrintWriter err,
                         boolean debug) {
        this.registry = registry;
        this.guard = guard;
        this.state = state;
        this.style = style;
        this.console = console;
        this.err = err;
        this.debug = debug;
    }

    @Override
    public Optional<Evidence> run(Firing firing, FiringHistory history) throws IOException {
        Optional<ExperimentPlan> compiled = ScheduleCommand.compile(firing.script(), registry, err, debug);
        if (compiled.isEmpty()) {
            err.println(firing.script() + ": the script no longer compiles; this firing did not run");
            return Optional.empty();
        }
        List<String> known = compiled.get().scenarios().stream().map(ScenarioPlan::name).toList();
        for (String name : firing.scenarios()) {
            if (!known.contains(name)) {
                err.println(firing.script() + ": no scenario '" + name + "' any more" + Suggestions.didYouMean(name, known)
                        + "; this firing did not run");
                return Optional.empty();
            }
        }
        ExperimentPlan plan = compiled.get().onlyScenarios(firing.scenarios());
        Optional<ScenarioGuard.Lease> lease = lease(plan, firing);
        if (lease.isEmpty()) return Optional.empty();
        try (ScenarioGuard.Lease held = lease.get(); RunLock lock = RunLock.acquire(state, firing.script(), true, err)) {
            if (stopping) return Optional.empty();
            replayHost();
            ExperimentSession session = new ExperimentSession(registry, state, style, console);
            running = session.runner();
            try {
                Evidence evidence = session.run(plan, firing.script());
                session.summarize(evidence, history.record(firing, evidence));
                return Optional.of(evidence);
            } finally {
                running = null;
            }
        } catch (RunLock.Busy impossible) {
            throw new IllegalStateException("a waiting run lock reported busy", impossible);
        }
    }

    private Optional<ScenarioGuard.Lease> lease(ExperimentPlan plan, Firing firing) throws IOException {
        try {
            return guard.await(plan.component(), plan.scenarios().stream().map(ScenarioPlan::name).toList(), firing,
                    () -> stopping, line -> {
                        err.println(Instant.now() + " " + line);
                        err.flush();
                    });
        } catch (SQLException e) {
            throw new IOException("cannot take the lease on the scenarios of " + firing.script() + " in the schedule store: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Replays the ledgers of this host's schedule nodes, this one's first; the caller holds the run lock. */
    void replayHost() throws IOException {
        for (Path dir : HostStateDirs.register(state)) RollbackCommand.replay(registry, dir, console);
    }

    @Override
    public void interruptRunning(String reason) {
        stopping = true;
        ExperimentRunner runner = running;
        if (runner != null) runner.interrupt(reason);
    }
}
