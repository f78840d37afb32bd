package dev.shakedown.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.Rate;
import groovy.lang.GroovyShell;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The unit literals come from the extension module: any Groovy code with the DSL jar on its classpath has them. */
class UnitsTest {
    private final GroovyShell groovy = new GroovyShell();

    @Test
    void durations() {
        assertThat(eval("500.ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(eval("30.s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(eval("2.min")).isEqualTo(Duration.ofMinutes(2));
        assertThat(eval("1.h")).isEqualTo(Duration.ofHours(1));
        assertThat(eval("1.5.s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(eval("0.25.ms")).isEqualTo(Duration.ofNanos(250_000));
    }

    @Test
    void durationArithmeticAndComparison() {
        assertThat(eval("1.s + 500.ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(eval("30.s * 2")).isEqualTo(Duration.ofMinutes(1));
        assertThat(eval("2 * 30.s")).isEqualTo(Duration.ofMinutes(1));
        assertThat(eval("1.s * 0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(eval("1.s > 500.ms")).isEqualTo(true);
        assertThat(eval("-5.ms")).isEqualTo(Duration.ofMillis(-5));
    }

    @Test
    void percentsAndRates() {
        assertThat(eval("5.percent")).isEqualTo(Percent.of(5));
        assertThat(eval("0.5.percent")).isEqualTo(new Percent(0.005));
        assertThat(eval("1.percent < 5.percent")).isEqualTo(true);
        assertThat(eval("50.perSecond")).isEqualTo(new Rate(50));
    }

    @Test
    void sizesAreBinaryAndRatesAreBitsPerSecond() {
        assertThat(eval("64.kb")).isEqualTo(new ByteSize(65_536));
        assertThat(eval("128.mb")).isEqualTo(new ByteSize(128L * 1024 * 1024));
        assertThat(eval("1.5.gb")).isEqualTo(new ByteSize(1536L * 1024 * 1024));
        assertThat(eval("64.kbps")).isEqualTo(new ByteRate(8_000));
        assertThat(eval("1.mbps")).isEqualTo(new ByteRate(125_000));
        assertThat(eval("1.gbps")).isEqualTo(new ByteRate(125_000_000));
    }

    private Object eval(String expression) {
        return groovy.evaluate(expression);
    }
}
