package dev.shakedown.engine.spi;

import dev.shakedown.engine.plan.ScheduleSpec;
import java.util.List;

/**
 * Checks what of a schedule only the scheduling library understands (its cron expression), so that a bad
 * one is reported at its place in the script before anything runs. Found with {@link java.util.ServiceLoader};
 * without a scheduling library on the classpath, schedules are only recorded.
 */
public interface ScheduleCheck {
    /** What is wrong with the schedule, one sentence each; empty when nothing is. */
    List<String> problems(ScheduleSpec schedule);
}
