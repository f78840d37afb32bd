package dev.shakedown.schedule;

import dev.shakedown.engine.evidence.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * What a trigger runs: waits its random jitter, runs the scenarios through {@link Firings}, records the
 * evidence. A schedule never overlaps itself ({@link DisallowConcurrentExecution}, cluster-wide on a
 * clustered store: a firing due while the previous one still runs waits for it); two schedules naming the
 * same scenario do not overlap either ({@link ScenarioGuard}), and experiments on one host are serialized by
 * the host's run lock inside {@link Firings}.
 */
@DisallowConcurrentExecution
public final class FiringJob implements InterruptableJob {
    private volatile Thread worker;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        ScheduleDaemon.Context daemon;
        String node;
        try {
            daemon = (ScheduleDaemon.Context) context.getScheduler().getContext().get(ScheduleDaemon.Context.KEY);
            node = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
        // A recovered firing's trigger is due at the dead node's scheduled time, so this is the original one.
        Instant scheduled = (context.getScheduledFireTime() == null ? context.getFireTime() : context.getScheduledFireTime()).toInstant();
        String scenarios = data.getString(ScheduledJob.SCENARIOS);
        try {
            long jitter = Long.parseLong(data.getString(ScheduledJob.JITTER_MS));
            if (jitter > 0) waitJitter(jitter);
            Firing firing = new Firing(Path.of(data.getString(ScheduledJob.SCRIPT)),
                    scenarios.isEmpty() ? List.of() : Arrays.asList(scenarios.split("\n")),
                    data.getString(ScheduledJob.SCHEDULE), scheduled, Instant.now(), node, context.isRecovering(),
                    ScheduledJob.misfireOf(context.getTrigger()));
            daemon.log("firing " + firing.schedule() + ", due " + scheduled + " on " + node
                    + (firing.recovering() ? " (recovered from a node that died)" : ""));
            Optional<Evidence> evidence = daemon.firings().run(firing, daemon.history());
            evidence.ifPresent(e -> daemon.log("fired " + firing.schedule() + ": " + e.run().verdict() + ", score "
                    + e.resilienceMetrics().overallScore()));
        } catch (InterruptedException e) {
            daemon.log("firing of " + data.getString(ScheduledJob.SCHEDULE) + " due " + scheduled + " not run: the scheduler is stopping");
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            daemon.log("firing of " + data.getString(ScheduledJob.SCHEDULE) + " due " + scheduled + " failed: " + e);
        }
    }

    private void waitJitter(long jitterMs) throws InterruptedException {
        worker = Thread.currentThread();
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(jitterMs + 1));
        } finally {
            worker = null;
        }
    }

    /**
     * On shutdown: a firing still in its jitter wait does not start. A running experiment is not interrupted
     * here but through {@link Firings#interruptRunning}, so that it rolls back and writes its evidence.
     */
    @Override
    public void interrupt() {
        Thread t = worker;
        if (t != null) t.interrupt();
    }
}
