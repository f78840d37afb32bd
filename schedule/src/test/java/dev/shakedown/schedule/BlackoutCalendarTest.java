package dev.shakedown.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.BlackoutWindow;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import dev.shakedown.engine.plan.SourceRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blackouts as Quartz computes a trigger's fire times with them, in the schedule's own zone. */
class BlackoutCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ScheduleSpec nightly(String... blackouts) {
        return new ScheduleSpec(List.of("crash"), "0 0 3 * * ?", BERLIN, Misfire.SKIP,
                java.util.Arrays.stream(blackouts).map(BlackoutWindow::parse).toList(), Duration.ZERO, new SourceRef("x", 1, 1));
    }

    @Test
    void aWeekendBlackoutLeavesOnlyWeekdaysAtThreeInTheSchedulesZone() {
        List<ZonedDateTime> times = ScheduleDaemon.nextFireTimes(nightly("Sat-Sun"), 10);
        assertThat(times).hasSize(10).allSatisfy(t -> {
            assertThat(t.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(t.getHour()).isEqualTo(3);
            assertThat(t.getZone()).isEqualTo(BERLIN);
        });
    }

    @Test
    void aChangeFreezeOfDatesSkipsEveryDayOfIt() {
        LocalDate first = LocalDate.now(BERLIN).plusDays(2);
        String freeze = first + ".." + first.plusDays(2);
        List<LocalDate> days = ScheduleDaemon.nextFireTimes(nightly(freeze), 6).stream().map(ZonedDateTime::toLocalDate).toList();
        assertThat(days).doesNotContain(first, first.plusDays(1), first.plusDays(2)).contains(first.plusDays(3));
    }

    @Test
    void theCalendarSurvivesTheJobStoresSerialization() throws Exception {
        BlackoutCalendar calendar = new BlackoutCalendar(List.of(BlackoutWindow.parse("Fri 18:00-Mon 06:00")), BERLIN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(calendar);
        }
        BlackoutCalendar read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (BlackoutCalendar) in.readObject();
        }
        long saturdayNoon = ZonedDateTime.of(2026, 1, 3, 12, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
        long mondayEight = ZonedDateTime.of(2026, 1, 5, 8, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
        assertThat(read.isTimeIncluded(saturdayNoon)).isFalse();
        assertThat(read.isTimeIncluded(mondayEight)).isTrue();
        assertThat(read.getNextIncludedTime(saturdayNoon))
                .isEqualTo(ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, BERLIN).toInstant().toEpochMilli());
    }

    @Test
    void theCalendarIsNamedByItsContent() {
        var weekend = List.of(BlackoutWindow.parse("Sat-Sun"));
        assertThat(BlackoutCalendar.name(weekend, BERLIN)).isEqualTo(BlackoutCalendar.name(List.of(BlackoutWindow.parse("Sat-Sun")), BERLIN))
                .isNotEqualTo(BlackoutCalendar.name(weekend, ZoneId.of("UTC")));
    }
}
