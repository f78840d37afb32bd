package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.compile;
import static dev.shakedown.dsl.TestScripts.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.BlackoutWindow;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** {@code schedule} with its options, and each option's mistakes reported at the schedule's place. */
class ScheduleWordTest {
    private static final String SCENARIO = "scenario 'crash' { recover }\n";

    @Test
    void everyOptionIsReadIntoItsType() throws Exception {
        ScheduleSpec s = compile("nightly", SCENARIO + """
                schedule 'crash', cron: '0 0 3 * * ?', timezone: 'Europe/Berlin', misfire: 'runOnce',
                        blackout: ['2026-12-24..2026-12-26', 'Fri 18:00-Mon 06:00'], jitter: 10.min
                """).schedules().get(0);
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.misfire()).isEqualTo(Misfire.RUN_ONCE);
        assertThat(s.jitter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.blackouts()).extracting(BlackoutWindow::text).containsExactly("2026-12-24..2026-12-26", "Fri 18:00-Mon 06:00");
        BlackoutWindow weekend = s.blackouts().get(1);
        assertThat(weekend.covers(LocalDateTime.parse("2026-01-02T18:00"))).as("Friday 18:00").isTrue();
        assertThat(weekend.covers(LocalDateTime.parse("2026-01-04T12:00"))).as("Sunday noon").isTrue();
        assertThat(weekend.covers(LocalDateTime.parse("2026-01-05T06:00"))).as("Monday 06:00, the end").isFalse();
        assertThat(weekend.covers(LocalDateTime.parse("2026-01-02T17:59"))).as("Friday 17:59").isFalse();
    }

    @Test
    void withoutOptionsItSkipsMissedFiringsInTheHostsZone() throws Exception {
        ScheduleSpec s = compile("plain", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?'\n").schedules().get(0);
        assertThat(s).isEqualTo(new ScheduleSpec(s.scenarios(), "0 0 3 * * ?", s.source()));
        assertThat(s.misfire()).isEqualTo(Misfire.SKIP);
    }

    @Test
    void aMisspeltTimeZoneIsReportedWithTheClosestOne() {
        assertThat(errors("zone", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', timezone: 'Europe/Berln'\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/zone.chaos.groovy:2:1: unknown time zone "
                        + "'Europe/Berln', did you mean 'Europe/Berlin'? (an IANA name such as 'Europe/Berlin' or 'America/New_York', or 'UTC')");
    }

    @Test
    void anUnknownMisfirePolicyNamesTheTwo() {
        assertThat(errors("misfire", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', misfire: 'runonce'\n"))
                .extracting(ScriptError::message)
                .containsExactly("schedule misfire: takes 'skip' or 'runOnce', not 'runonce', did you mean 'runOnce'?");
    }

    @Test
    void malformedBlackoutsSayWhatIsWrongAndShowTheForms() {
        assertThat(errors("b1", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', blackout: ['Sta-Sun']\n"))
                .extracting(ScriptError::message).containsExactly(
                        "schedule blackout 'Sta-Sun': unknown day 'Sta', did you mean 'Sat'? (days: Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
        assertThat(errors("b2", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', blackout: '2026-02-30'\n"))
                .extracting(ScriptError::message).containsExactly(
                        "schedule blackout '2026-02-30': '2026-02-30' is not a date of the calendar (year-month-day)");
        assertThat(errors("b3", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', blackout: 'weekends'\n"))
                .extracting(ScriptError::message).containsExactly("schedule blackout 'weekends': write a date ('2026-12-24'), "
                        + "a date range ('2026-12-24..2026-12-26'), a weekly range ('Sat-Sun', 'Fri 18:00-Mon 06:00') "
                        + "or a daily range ('22:00-06:00')");
        assertThat(errors("b4", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', blackout: '25:00-06:00'\n"))
                .extracting(ScriptError::message).containsExactly(
                        "schedule blackout '25:00-06:00': '25:00' is not a time of day (00:00 to 24:00)");
        assertThat(errors("b5", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', blackout: '2026-12-26..2026-12-24'\n"))
                .extracting(ScriptError::message).containsExactly("schedule blackout '2026-12-26..2026-12-24': it ends before it begins");
    }

    @Test
    void anUnknownOptionAndANegativeJitterAreMistakes() {
        assertThat(errors("opt", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', timeZone: 'UTC'\n"))
                .extracting(ScriptError::message).containsExactly("schedule does not take timeZone:, did you mean 'timezone'? "
                        + "(it takes only blackout:, cron:, jitter:, misfire:, timezone:)");
        assertThat(errors("jitter", SCENARIO + "schedule 'crash', cron: '0 0 3 * * ?', jitter: -(1.min)\n"))
                .extracting(ScriptError::message).containsExactly("schedule needs a jitter of zero or more, not -1min");
    }

    @Test
    void aDailyRangeWrapsAroundMidnight() {
        BlackoutWindow night = BlackoutWindow.parse("22:00-06:00");
        assertThat(night.covers(LocalDateTime.parse("2026-03-03T23:30"))).isTrue();
        assertThat(night.covers(LocalDateTime.parse("2026-03-04T05:59"))).isTrue();
        assertThat(night.covers(LocalDateTime.parse("2026-03-04T06:00"))).isFalse();
        assertThat(BlackoutWindow.parse("Sat-Sun").covers(LocalDateTime.parse("2026-03-08T23:59"))).as("Sunday 23:59").isTrue();
        assertThat(BlackoutWindow.parse("Sat-Sun").covers(LocalDateTime.parse("2026-03-09T00:00"))).as("Monday 00:00").isFalse();
    }
}
