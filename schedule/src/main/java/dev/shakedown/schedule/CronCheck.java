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
        } catch (ParseException | RuntimeException e) {
            return List.of("cron '" + schedule.cron() + "' is not a Quartz cron expression: " + reason(e) + " (" + FORM + ")");
        }
    }

    /** Quartz's own sentence; where its parser tripped over its own code instead, only that the format is wrong. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (message.isEmpty() || message.contains("Exception")) return "Illegal cron expression format";
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
