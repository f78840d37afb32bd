package dev.shakedown.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quartz's reason for a bad cron expression, in one sentence that also shows the form. */
class CronCheckTest {
    private static List<String> check(String cron) {
        return new CronCheck().problems(new ScheduleSpec(List.of(), cron, new SourceRef("x", 1, 1)));
    }

    @Test
    void aValidExpressionHasNoProblem() {
        assertThat(check("*/2 * * * * ?")).isEmpty();
        assertThat(check("0 0 3 ? * MON-FRI 2030")).isEmpty();
    }

    @Test
    void quartzSaysWhatIsWrong() {
        assertThat(check("0 0 3 * *")).containsExactly("cron '0 0 3 * *' is not a Quartz cron expression: Unexpected end of "
                + "expression (" + CronCheck.FORM + ")");
        assertThat(check("0 0 3 * * *")).singleElement().asString().contains("both a day-of-week AND a day-of-month");
    }

    @Test
    void aParserCrashInsideQuartzIsStillASentence() {
        assertThat(check("0 0 3 ? * MON-")).containsExactly("cron '0 0 3 ? * MON-' is not a Quartz cron expression: Illegal cron "
                + "expression format (" + CronCheck.FORM + ")");
    }
}
