package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static Args parse(String... argv) {
        return Args.parse(argv, "usage", Set.of("port", "name"), Set.of("watch-parent"));
    }

    @Test
    void readsValuesAndSwitches() {
        Args args = parse("--port", "7001", "--watch-parent");

        assertThat(args.port()).isEqualTo(7001);
        assertThat(args.has("watch-parent")).isTrue();
        assertThat(parse().port()).isZero();
        assertThat(parse().has("watch-parent")).isFalse();
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> parse("--prot", "1")).hasMessageContaining("unknown argument '--prot'");
        assertThatThrownBy(() -> parse("7001")).hasMessageContaining("unknown argument '7001'");
        assertThatThrownBy(() -> parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse("--port", "x").port()).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("--port", "70000").port()).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> parse().value("name")).hasMessageContaining("--name is required");
    }

    @Test
    void buildsAGatewayConfig() {
        Args args = Args.parse(new String[] {"--guardian", "guardian.local:7001", "--db", "127.0.0.1:9092",
                "--audit-dir", "/tmp/audit", "--event-log", "/tmp/events.jsonl", "--fail-open",
                "--clock-tolerance-ms", "750", "--port", "8080", "--dns", "127.0.0.1:5353"},
                GatewayConfig.USAGE, GatewayConfig.VALUE_FLAGS, GatewayConfig.SWITCH_FLAGS);

        assertThat(GatewayConfig.from(args)).isEqualTo(new GatewayConfig(8080, "guardian.local:7001", "127.0.0.1:9092",
                Path.of("/tmp/audit"), Path.of("/tmp/events.jsonl"), true, Duration.ofMillis(750),
                Optional.of("127.0.0.1:5353")));
    }

    @Test
    void readsTheSlowAndErringFlags() {
        Args args = Args.parse(new String[] {"--guardian", "g:7001", "--db", "127.0.0.1:9092", "--audit-dir", "a",
                "--event-log", "e", "--delay-ms", "100", "--error-every", "10"},
                GatewayConfig.USAGE, GatewayConfig.VALUE_FLAGS, GatewayConfig.SWITCH_FLAGS);

        GatewayConfig config = GatewayConfig.from(args);

        assertThat(config.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.errorEvery()).isEqualTo(10);
    }

    @Test
    void aGatewayConfigNeedsHostAndPort() {
        Args args = Args.parse(new String[] {"--guardian", "7001", "--db", "127.0.0.1:9092",
                "--audit-dir", "a", "--event-log", "e"},
                GatewayConfig.USAGE, GatewayConfig.VALUE_FLAGS, GatewayConfig.SWITCH_FLAGS);

        assertThatThrownBy(() -> GatewayConfig.from(args)).hasMessage("guardian must be host:port, not '7001'");
    }
}
