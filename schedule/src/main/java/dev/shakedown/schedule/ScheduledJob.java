package dev.shakedown.schedule;

import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.Calendar;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

/**
 * One schedule of one script as Quartz sees it: a job (what to run) and a cron trigger (when), keyed by the
 * script's path and the schedule's own text, so that a restart finds the same trigger again with its next
 * fire time and its missed firings, instead of declaring a new one.
 */
record ScheduledJob(Path script, ScheduleSpec spec, String name) {
    static final String SCRIPT = "script";
    static final String SCENARIOS = "scenarios";
    static final String JITTER_MS = "jitterMs";
    static final String SCHEDULE = "schedule";

    /** The schedules of one script; two identical ones get {@code #2}, {@code #3}. */
    static List<ScheduledJob> of(Path script, List<ScheduleSpec> specs) {
        Path absolute = script.toAbsolutePath().normalize();
        List<ScheduledJob> jobs = new java.util.ArrayList<>();
        for (ScheduleSpec spec : specs) {
            String base = spec.scenariosText() + " @ '" + spec.cron() + "' " + spec.zone().getId();
            long same = jobs.stream().filter(j -> j.name.equals(base) || j.name.startsWith(base + " #")).count();
            jobs.add(new ScheduledJob(absolute, spec, same == 0 ? base : base + " #" + (same + 1)));
        }
        return jobs;
    }

    /** The script's path groups its jobs, so a re-read replaces exactly that script's schedules. */
    static String group(Path script) {
        return script.toAbsolutePath().normalize().toString();
    }

    JobKey jobKey() {
        return new JobKey(name, group(script));
    }

    TriggerKey triggerKey() {
        return new TriggerKey(name, group(script));
    }

    JobDetail job() {
        return JobBuilder.newJob(FiringJob.class).withIdentity(jobKey())
                .withDescription(spec.describe())
                // A node that dies mid-experiment leaves the firing to another node (or to itself, restarted).
                .requestRecovery(true)
                .usingJobData(SCRIPT, script.toString())
                .usingJobData(SCENARIOS, String.join("\n", spec.scenarios()))
                .usingJobData(JITTER_MS, Long.toString(spec.jitter().toMillis()))
                .usingJobData(SCHEDULE, spec.describe() + " (" + spec.source() + ")")
                .build();
    }

    /** @throws RuntimeException on a bad cron expression, which plan validation ({@link CronCheck}) reports first */
    CronTrigger trigger() {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(spec.cron())
                .inTimeZone(TimeZone.getTimeZone(spec.zone()));
        cron = spec.misfire() == Misfire.RUN_ONCE ? cron.withMisfireHandlingInstructionFireAndProceed()
                : cron.withMisfireHandlingInstructionDoNothing();
        TriggerBuilder<CronTrigger> builder = TriggerBuilder.newTrigger().withIdentity(triggerKey()).forJob(jobKey())
                .withDescription(spec.describe()).withSchedule(cron);
        calendarName().ifPresent(builder::modifiedByCalendar);
        return builder.build();
    }

    Optional<String> calendarName() {
        return spec.blackouts().isEmpty() ? Optional.empty() : Optional.of(BlackoutCalendar.name(spec.blackouts(), spec.zone()));
    }

    Optional<Calendar> calendar() {
        return spec.blackouts().isEmpty() ? Optional.empty() : Optional.of(new BlackoutCalendar(spec.blackouts(), spec.zone()));
    }

    /** The misfire policy a stored trigger was registered with. */
    static Misfire misfireOf(Trigger trigger) {
        return trigger.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW ? Misfire.RUN_ONCE : Misfire.SKIP;
    }

    /** Whether a stored trigger already is this schedule (then it is kept, with its state). */
    boolean sameAs(Trigger stored) {
        return stored instanceof CronTrigger c && c.getCronExpression().equals(spec.cron())
                && c.getTimeZone().getID().equals(TimeZone.getTimeZone(spec.zone()).getID())
                && c.getMisfireInstruction() == trigger().getMisfireInstruction()
                && java.util.Objects.equals(c.getCalendarName(), calendarName().orElse(null));
    }

    /** The next {@code count} fire times from now, blackouts skipped, in the schedule's zone. */
    List<ZonedDateTime> nextFireTimes(int count) {
        OperableTrigger t = (OperableTrigger) trigger();
        List<Date> times = TriggerUtils.computeFireTimes(t, calendar().orElse(null), count);
        return times.stream().map(d -> d.toInstant().atZone(spec.zone())).toList();
    }
}
