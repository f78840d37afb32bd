package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.codehaus.groovy.runtime.typehandling.NumberMath;

/**
 * The unit literals of scripts: {@code 500.ms}, {@code 30.s}, {@code 2.min}, {@code 1.h}, {@code 5.percent},
 * {@code 50.perSecond}. Groovy reads {@code 30.s} as {@code getS(30)}; this class is registered as an
 * extension module (META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule), so the literals exist
 * wherever the DSL jar is on the classpath without any change to a global metaclass.
 */
public final class Units {
    private Units() {}

    public static Duration getMs(Number self) {
        return duration(self, ChronoUnit.MILLIS);
    }

    public static Duration getS(Number self) {
        return duration(self, ChronoUnit.SECONDS);
    }

    public static Duration getMin(Number self) {
        return duration(self, ChronoUnit.MINUTES);
    }

    public static Duration getH(Number self) {
        return duration(self, ChronoUnit.HOURS);
    }

    public static Percent getPercent(Number self) {
        return Percent.of(self.doubleValue());
    }

    public static Rate getPerSecond(Number self) {
        return new Rate(self.doubleValue());
    }

    /** {@code 64.kb}: binary prefixes, as {@code free} and {@code df} count (1.kb is 1024 bytes). */
    public static ByteSize getKb(Number self) {
        return bytes(self, ByteSize.KB);
    }

    public static ByteSize getMb(Number self) {
        return bytes(self, ByteSize.MB);
    }

    public static ByteSize getGb(Number self) {
        return bytes(self, ByteSize.GB);
    }

    /** {@code 64.kbps}: bits per second with decimal prefixes, as networks count (64 kbit/s is 8000 bytes/s). */
    public static ByteRate getKbps(Number self) {
        return ByteRate.bitsPerSecond(self.doubleValue() * 1e3);
    }

    public static ByteRate getMbps(Number self) {
        return ByteRate.bitsPerSecond(self.doubleValue() * 1e6);
    }

    public static ByteRate getGbps(Number self) {
        return ByteRate.bitsPerSecond(self.doubleValue() * 1e9);
    }

    private static ByteSize bytes(Number amount, long unit) {
        return new ByteSize(NumberMath.toBigDecimal(amount).multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** {@code hold * 2}: Duration already has {@code plus} and {@code minus}, but not Groovy's {@code multiply}. */
    public static Duration multiply(Duration self, Number factor) {
        return Duration.ofNanos(exactNanos(NumberMath.toBigDecimal(factor).multiply(BigDecimal.valueOf(self.toNanos()))));
    }

    /** {@code 2 * hold}. */
    public static Duration multiply(Number self, Duration duration) {
        return multiply(duration, self);
    }

    /** {@code +30.s}: Groovy's unary plus, for offsets written with their sign. */
    public static Duration positive(Duration self) {
        return self;
    }

    /** {@code -5.ms}: Groovy's unary minus; the plan validator then says what a negative duration may not be. */
    public static Duration negative(Duration self) {
        return self.negated();
    }

    /** {@code -50.perSecond}: a rate, share or size is never negative; said at the script's line. */
    public static Rate negative(Rate self) {
        throw noNegative("a rate", self);
    }

    public static Percent negative(Percent self) {
        throw noNegative("a percentage", self);
    }

    public static ByteSize negative(ByteSize self) {
        throw noNegative("a size", self);
    }

    public static ByteRate negative(ByteRate self) {
        throw noNegative("a bandwidth", self);
    }

    /** {@code -sut}: a sign before a value that has none is a slip; without this, Groovy's error would carry no line. */
    public static Object negative(Object self) {
        throw new DslException("a minus sign cannot go before " + CallSite.shown(self));
    }

    public static Object positive(Object self) {
        throw new DslException("a plus sign cannot go before " + CallSite.shown(self));
    }

    private static DslException noNegative(String what, Object value) {
        return new DslException(what + " cannot be negative (-" + value + ")");
    }

    /** Exact for whole numbers and decimal literals ({@code 1.5.s} is 1500 ms, not a float approximation). */
    private static Duration duration(Number amount, ChronoUnit unit) {
        BigDecimal nanosPerUnit = BigDecimal.valueOf(unit.getDuration().toNanos());
        return Duration.ofNanos(exactNanos(NumberMath.toBigDecimal(amount).multiply(nanosPerUnit)));
    }

    private static long exactNanos(BigDecimal nanos) {
        return nanos.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
