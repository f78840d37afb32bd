package dev.shakedown.engine.plan;

import dev.shakedown.engine.validate.Suggestions;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text forms of a {@link BlackoutWindow}. */
final class BlackoutParser {
    private BlackoutParser() {}

    static final String FORMS = "a date ('2026-12-24'), a date range ('2026-12-24..2026-12-26'), a weekly range "
            + "('Sat-Sun', 'Fri 18:00-Mon 06:00') or a daily range ('22:00-06:00')";

    static BlackoutWindow parse(String text) {
        try {
            return parseForms(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("blackout '" + text + "': " + e.getMessage(), e);
        }
    }

    private static BlackoutWindow parseForms(String text) {
        String t = text.strip();
        Matcher m;
        if ((m = DATES.matcher(t)).matches()) {
            LocalDate first = date(m.group(1));
            LocalDate last = m.group(2) == null ? first : date(m.group(2));
            if (last.isBefore(first)) throw new IllegalArgumentException("it ends before it begins");
            return new BlackoutWindow.Dates(first, last, text);
        }
        if ((m = DAILY.matcher(t)).matches()) {
            return new BlackoutWindow.Daily(minute(m.group(1)), minute(m.group(2)), text);
        }
        if ((m = WEEKLY.matcher(t)).matches()) {
            int from = day(m.group(1)) * DAY + (m.group(2) == null ? 0 : minute(m.group(2)));
            int to = day(m.group(3)) * DAY + (m.group(4) == null ? DAY : minute(m.group(4)));
            return new BlackoutWindow.Weekly(from, to % WEEK, text);
        }
        throw new IllegalArgumentException("write " + FORMS);
    }

    /** Minutes in a day and in a week: the weekly windows count minutes from Monday 00:00. */
    static final int DAY = 24 * 60;
    static final int WEEK = 7 * DAY;

    private static final Pattern DATES = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}-\\d{2}))?");
    private static final Pattern DAILY = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern WEEKLY = Pattern.compile("([A-Za-z]+)(?:\\s+(\\d{1,2}:\\d{2}))?\\s*-\\s*([A-Za-z]+)(?:\\s+(\\d{1,2}:\\d{2}))?");

    /** A range that ends before (or where) it starts wraps around: 22:00-06:00 covers the night. */
    static boolean within(int minute, int from, int to) {
        return from < to ? minute >= from && minute < to : minute >= from || minute < to;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the calendar (year-month-day)");
        }
    }

    private static int minute(String text) {
        String[] parts = text.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (minute > 59 || hour > 24 || hour == 24 && minute > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day (00:00 to 24:00)");
        }
        return hour * 60 + minute;
    }

    /** Monday is 0. Takes {@code Sat}, {@code sat}, {@code Saturday}. */
    private static int day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (name.equalsIgnoreCase(full) || name.equalsIgnoreCase(full.substring(0, 3))) return d.getValue() - 1;
        }
        List<String> known = Arrays.stream(DayOfWeek.values()).map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList();
        throw new IllegalArgumentException("unknown day '" + name + "'" + Suggestions.didYouMean(name, known)
                + " (days: " + String.join(", ", known) + ")");
    }
}
