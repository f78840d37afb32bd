package dev.shakedown.engine.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A time in which a schedule must not fire (a change freeze), read in the schedule's time zone:
 * {@code '2026-12-24'}, {@code '2026-12-24..2026-12-26'} (whole days, both included), {@code 'Sat-Sun'} or
 * {@code 'Fri 18:00-Mon 06:00'} (every week), {@code '22:00-06:00'} (every day). A range's end is
 * excluded, and {@code 24:00} is the end of a day; a range whose end comes before its start wraps around
 * (through the week's end, or midnight).
 */
public sealed interface BlackoutWindow extends Serializable {
    /** The window as the script wrote it. */
    String text();

    /** Whether this local date and time (in the schedule's zone) lies inside the window. */
    boolean covers(LocalDateTime time);

    /** @throws IllegalArgumentException with a message that says what is wrong and shows the forms */
    static BlackoutWindow parse(String text) {
        return BlackoutParser.parse(text);
    }

    /** Whole days, {@code first} to {@code last}, both included. */
    record Dates(LocalDate first, LocalDate last, String text) implements BlackoutWindow {
        @Override
        public boolean covers(LocalDateTime time) {
            LocalDate day = time.toLocalDate();
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /** Every week from {@code from} to {@code to}, in minutes since Monday 00:00; {@code to} excluded. */
    record Weekly(int from, int to, String text) implements BlackoutWindow {
        @Override
        public boolean covers(LocalDateTime time) {
            int minute = (time.getDayOfWeek().getValue() - 1) * BlackoutParser.DAY + time.getHour() * 60 + time.getMinute();
            return BlackoutParser.within(minute, from, to);
        }
    }

    /** Every day from {@code from} to {@code to}, in minutes since midnight; {@code to} excluded. */
    record Daily(int from, int to, String text) implements BlackoutWindow {
        @Override
        public boolean covers(LocalDateTime time) {
            return BlackoutParser.within(time.getHour() * 60 + time.getMinute(), from, to);
        }
    }
}
