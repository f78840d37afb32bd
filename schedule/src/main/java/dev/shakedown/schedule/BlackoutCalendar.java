package dev.shakedown.schedule;

import dev.shakedown.engine.plan.BlackoutWindow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.quartz.impl.calendar.BaseCalendar;

/**
 * A schedule's blackout windows as a Quartz calendar: a fire time inside a window is skipped, and the
 * trigger moves on to its next time outside every window. Stored (serialized) in the job store, so every
 * node of a cluster honours it. Named by its content, so an unchanged blackout is never re-registered:
 * replacing a calendar would make Quartz recompute, and lose, a trigger's missed firing.
 */
final class BlackoutCalendar extends BaseCalendar {
    private static final long serialVersionUID = 1L;
    private static final long MINUTE = 60_000;

    private final List<BlackoutWindow> windows;
    private final ZoneId zone;

    BlackoutCalendar(List<BlackoutWindow> windows, ZoneId zone) {
        this.windows = List.copyOf(windows);
        this.zone = zone;
        setTimeZone(TimeZone.getTimeZone(zone));
    }

    /** {@code blackout-<hash of zone and windows>}. */
    static String name(List<BlackoutWindow> windows, ZoneId zone) {
        StringBuilder key = new StringBuilder(zone.getId());
        windows.forEach(w -> key.append('\n').append(w.text()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "blackout-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean isTimeIncluded(long timeStamp) {
        if (!super.isTimeIncluded(timeStamp)) return false;
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(timeStamp), zone);
        return windows.stream().noneMatch(w -> w.covers(local));
    }

    /** Windows are whole minutes, so the first included time is found minute by minute. */
    @Override
    public long getNextIncludedTime(long timeStamp) {
        long t = super.getNextIncludedTime(timeStamp);
        while (!isTimeIncluded(t)) t = (t / MINUTE + 1) * MINUTE;
        return t;
    }
}
