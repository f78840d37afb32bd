package dev.shakedown.schedule;

import dev.shakedown.engine.plan.ScheduleSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quartz.JobExecutionContext;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * A Quartz scheduler on a {@link JobStore}: registers the schedules of scripts, fires their experiments
 * through {@link Firings}, and stops without leaving a fault behind.
 */
public final class ScheduleDaemon implements AutoCloseable {
    /** What a {@link FiringJob} needs from the daemon, kept in the scheduler's (in-memory) context. */
    record Context(Firings firings, FiringHistory history, PrintWriter out) {
        static final String KEY = "shakedown";

        synchronized void log(String line) {
            out.println(java.time.Instant.now() + " " + line);
            out.flush();
        }
    }

    private final Scheduler scheduler;
    private final Context context;
    private final Firings firings;

    private ScheduleDaemon(Scheduler scheduler, Context context, Firings firings) {
        this.scheduler = scheduler;
        this.context = context;
        this.firings = firings;
    }

    /** Opens the store (creating Quartz's tables if needed) and a scheduler on it, in standby. */
    public static ScheduleDaemon open(JobStore store, Firings firings, FiringHistory history, PrintWriter out)
            throws SchedulerException, SQLException, IOException {
        store.prepare();
        Scheduler scheduler = new StdSchedulerFactory(store.quartzProperties("shakedown")).getScheduler();
        Context context = new Context(firings, history, out);
        scheduler.getContext().put(Context.KEY, context);
        scheduler.getListenerManager().addTriggerListener(new MisfireLog(context));
        return new ScheduleDaemon(scheduler, context, firings);
    }

    /**
     * Makes the store hold exactly these schedules for the script: a schedule whose trigger is stored
     * unchanged keeps it (and its next fire time and misfires); a changed one is replaced; one the script no
     * longer declares is deleted. Returns one line per schedule.
     */
    public List<String> register(Path script, List<ScheduleSpec> specs) throws SchedulerException {
        List<ScheduledJob> jobs = ScheduledJob.of(script, specs);
        Set<TriggerKey> wanted = new HashSet<>();
        List<String> lines = new java.util.ArrayList<>();
        for (ScheduledJob job : jobs) {
            wanted.add(job.triggerKey());
            lines.add(register(job));
        }
        for (TriggerKey stale : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduledJob.group(script)))) {
            if (!wanted.contains(stale)) {
                scheduler.deleteJob(new org.quartz.JobKey(stale.getName(), stale.getGroup()));
                lines.add("removed " + stale.getName() + ": the script no longer declares it");
            }
        }
        return lines;
    }

    private String register(ScheduledJob job) throws SchedulerException {
        if (job.calendarName().isPresent() && scheduler.getCalendar(job.calendarName().get()) == null) {
            try {
                scheduler.addCalendar(job.calendarName().get(), job.calendar().orElseThrow(), false, false);
            } catch (ObjectAlreadyExistsException addedByAnotherNode) {
                // Its name is its content: the other node's calendar is this one.
            }
        }
        Trigger stored = scheduler.getTrigger(job.triggerKey());
        if (stored != null && job.sameAs(stored)) return "kept " + job.spec().describe();
        if (job.nextFireTimes(1).isEmpty()) {
            if (stored != null) scheduler.deleteJob(job.jobKey());
            return "never fires again: " + job.spec().describe() + " (" + job.spec().source() + ")";
        }
        scheduler.scheduleJob(job.job(), Set.of(job.trigger()), true);
        return (stored == null ? "registered " : "updated ") + job.spec().describe();
    }

    /** The next {@code count} times the schedule fires, blackouts skipped, in its time zone; no store needed. */
    public static List<java.time.ZonedDateTime> nextFireTimes(ScheduleSpec spec, int count) {
        return ScheduledJob.of(Path.of("."), List.of(spec)).get(0).nextFireTimes(count);
    }

    /** This node's Quartz instance id (host name and start time), as the index lines name the node of a firing. */
    public String node() throws SchedulerException {
        return scheduler.getSchedulerInstanceId();
    }

    /** From here on, triggers fire (missed ones first, by their misfire policy). */
    public void start() throws SchedulerException {
        scheduler.start();
    }

    /**
     * Stops firing, ends a running experiment early (it rolls back and writes its evidence), lets a firing
     * waiting for its jitter go, and waits for every job to finish.
     */
    public void stop(String reason) throws SchedulerException {
        if (scheduler.isShutdown()) return;
        scheduler.standby();
        firings.interruptRunning(reason);
        for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
            scheduler.interrupt(running.getFireInstanceId());
        }
        scheduler.shutdown(true);
    }

    @Override
    public void close() throws SchedulerException {
        stop("the scheduler is closing");
    }

    /** A missed firing says what its policy did with it, so a skip is visible and not silent. */
    private static final class MisfireLog extends TriggerListenerSupport {
        private final Context context;

        MisfireLog(Context context) {
            this.context = context;
        }

        @Override
        public String getName() {
            return "shakedown-misfires";
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
            boolean runOnce = ScheduledJob.misfireOf(trigger) == dev.shakedown.engine.plan.ScheduleSpec.Misfire.RUN_ONCE;
            context.log("missed " + trigger.getDescription() + ", due " + trigger.getNextFireTime().toInstant() + ": "
                    + (runOnce ? "running it once now (misfire runOnce)" : "skipped (misfire skip)"));
        }
    }
}
