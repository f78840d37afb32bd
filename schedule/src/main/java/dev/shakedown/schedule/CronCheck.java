package dev.shakedown.schedule;

import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.spi.ScheduleCheck;
import java.text.ParseException;
import java.util.List;
import org.quartz.CronExpression;

/** A schedule's cron expression, checked by Quartz itself, with Quartz's reason when it is not one. */
public final class CronCheck implements ScheduleCheck {
    static final String FORM = "seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 3 * * ?' for 03:00 every day";

    @Override
    public List<String> problems(ScheduleSpec schedule) {
        try {
            CronExpression.validateExpression(schedule.cron());
            return List.of();
        } catch (ParseException e) {
            return List.of("cron '" + schedule.cron() + "' is not a Quartz cron expression: " + reason(e) + " (" + FORM + ")");
        }
    }

    /** Quartz's message, without the trailing position it sometimes adds in its own words. */
    private static String reason(ParseException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage().strip();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
