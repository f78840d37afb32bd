package dev.shakedown.dsl;

import dev.shakedown.engine.plan.BlackoutWindow;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import dev.shakedown.engine.validate.Suggestions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code schedule} other than {@code cron:}, read into their types at the schedule's place
 * in the script. The cron expression itself is checked by the scheduling library (a {@code ScheduleCheck}).
 */
final class ScheduleOptions {
    private ScheduleOptions() {}

    /** {@code timezone: 'Europe/Berlin'}: an IANA zone id ({@code UTC} and offsets such as {@code +02:00} too). */
    static ZoneId zone(CallSite call, Object value) {
        String id = call.text(value, "a time zone for timezone: such as 'Europe/Berlin'");
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw call.error("unknown time zone '" + id + "'" + Suggestions.didYouMean(id, ZoneId.getAvailableZoneIds())
                    + " (an IANA name such as 'Europe/Berlin' or 'America/New_York', or 'UTC')");
        }
    }

    /** {@code misfire: 'skip'} or {@code 'runOnce'}. */
    static Misfire misfire(CallSite call, Object value) {
        List<String> words = Arrays.stream(Misfire.values()).map(Misfire::word).toList();
        String word = call.text(value, "'skip' or 'runOnce' for misfire:");
        return Misfire.of(word).orElseThrow(() -> call.error("schedule misfire: takes 'skip' or 'runOnce', not '" + word + "'"
                + Suggestions.didYouMean(word, words)));
    }

    /** {@code blackout: 'Sat-Sun'} or a list of such windows. */
    static List<BlackoutWindow> blackouts(CallSite call, Object value) {
        if (value == null) return List.of();
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        return items.stream().map(item -> {
            String text = call.text(item, "blackout windows for blackout: such as ['Sat-Sun', '2026-12-24..2026-12-26']");
            try {
                return BlackoutWindow.parse(text);
            } catch (IllegalArgumentException e) {
                throw call.error("schedule " + e.getMessage());
            }
        }).toList();
    }

    /** {@code jitter: 10.min}: a random delay of up to that long before each run. */
    static Duration jitter(CallSite call, Object value) {
        Duration jitter = call.duration(value, "a duration for jitter: such as 10.min");
        if (jitter.isNegative()) throw call.error("schedule needs a jitter of zero or more, not " + Durations.format(jitter));
        return jitter;
    }
}
