package dev.shakedown.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRateTest {
    @Test
    void readsBitsAndBytesPerSecond() {
        assertThat(ByteRate.parse("64kbps").bytesPerSecond()).isEqualTo(8_000);
        assertThat(ByteRate.parse("1mbps").bytesPerSecond()).isEqualTo(125_000);
        assertThat(ByteRate.parse("1Gbps").bytesPerSecond()).isEqualTo(125_000_000);
        assertThat(ByteRate.parse("512KB/s").bytesPerSecond()).isEqualTo(512_000);
        assertThat(ByteRate.parse("2 MiB/s").bytesPerSecond()).isEqualTo(2 * 1024 * 1024);
        assertThat(ByteRate.parse("1.5MB/s").bytesPerSecond()).isEqualTo(1_500_000);
    }

    @Test
    void takesANumberOfBytesPerSecondOrARate() {
        assertThat(ByteRate.of(8000)).isEqualTo(new ByteRate(8000));
        assertThat(ByteRate.of(new ByteRate(5))).isEqualTo(new ByteRate(5));
        assertThat(ByteRate.of("100B/s")).isEqualTo(new ByteRate(100));
    }

    @Test
    void saysWhatItIs() {
        assertThat(ByteRate.parse("64kbps")).hasToString("8 KB/s");
        assertThat(ByteRate.parse("1.5MB/s")).hasToString("1.5 MB/s");
        assertThat(new ByteRate(999)).hasToString("999 B/s");
    }

    @Test
    void refusesWhatIsNotARate() {
        assertThatThrownBy(() -> ByteRate.parse("fast")).hasMessageStartingWith("'fast' is not a rate;");
        assertThatThrownBy(() -> ByteRate.parse("64kb")).hasMessageStartingWith("'64kb' is not a rate;");
        assertThatThrownBy(() -> ByteRate.parse("3Xbps")).hasMessage("'3Xbps' has an unknown prefix 'X' (use k, M, G, or Ki, Mi, Gi)");
        assertThatThrownBy(() -> ByteRate.of(0)).hasMessage("a rate must be above zero, not 0.0 bytes per second");
        assertThatThrownBy(() -> ByteRate.of(-3)).isInstanceOf(IllegalArgumentException.class);
    }
}
