package dev.shakedown.stdlib.firewall;

import static dev.shakedown.stdlib.fault.FaultSpecs.planWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.FaultCategory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirewallPartitionValidationTest {
    FirewallPartitionInjector injector = new FirewallPartitionInjector();

    private List<String> problems(Map<String, Object> options) {
        return injector.validate(new FaultSpec(FirewallPartitionInjector.NAME, List.of(), options, SourceRef.UNKNOWN), planWith());
    }

    @Test
    void acceptsWhatTheDesignShows() {
        assertThat(problems(Map.of("port", 5432))).isEmpty();
        assertThat(problems(Map.of("host", "127.0.0.1", "port", "5432", "direction", "both", "mode", "reject", "netns", "sd-fw-1"))).isEmpty();
        assertThat(problems(Map.of("host", "localhost", "port", 1, "direction", "Inbound"))).isEmpty();
        assertThat(injector.category()).isEqualTo(FaultCategory.NETWORK);
    }

    @Test
    void needsAPortThatIsOne() {
        assertThat(problems(Map.of("host", "127.0.0.1")))
                .containsExactly("firewall.partition needs a port: firewall.partition(port: 5432) or firewall.partition(host: '127.0.0.1', port: 5432)");
        assertThat(problems(Map.of("port", 0))).containsExactly("option port: '0' is not a TCP port (1-65535)");
        assertThat(problems(Map.of("port", 65536))).containsExactly("option port: '65536' is not a TCP port (1-65535)");
        assertThat(problems(Map.of("port", "db"))).containsExactly("option port: 'db' is not a TCP port (1-65535)");
    }

    @Test
    void takesAnAddressNeverAName() {
        assertThat(problems(Map.of("host", "db.internal", "port", 5432))).containsExactly("option host: 'db.internal' is not an IPv4 address"
                + " or 'localhost' (names are not resolved: a firewall rule matches addresses, and a name's addresses may change)");
        assertThat(problems(Map.of("host", "256.0.0.1", "port", 5432))).hasSize(1);
        assertThat(problems(Map.of("host", "::1", "port", 5432))).hasSize(1);
    }

    @Test
    void namesTheChoicesAndTheNearestOne() {
        assertThat(problems(Map.of("port", 5432, "direction", "inbund")))
                .containsExactly("option direction: 'inbund' is not one of outbound, inbound, both, did you mean 'inbound'?");
        assertThat(problems(Map.of("port", 5432, "mode", "blackhole")))
                .containsExactly("option mode: 'blackhole' is not one of drop, reject");
        assertThat(problems(Map.of("prot", 5432)))
                .containsExactly("unknown option 'prot' for firewall.partition, did you mean 'port'? (known: direction, host, mode, netns, port)");
    }

    @Test
    void refusesANamespaceNameThatIsNotOne() {
        assertThat(problems(Map.of("port", 5432, "netns", "../etc")))
                .containsExactly("option netns: '../etc' is not a network namespace name (up to 64 letters, digits, '.', '_' or '-', as ip netns list shows it)");
        assertThat(problems(Map.of("port", 5432, "netns", ".."))).hasSize(1);
    }

    @Test
    void takesOnlyNamedOptions() {
        assertThat(injector.validate(new FaultSpec(FirewallPartitionInjector.NAME, List.of(5432), Map.of(), SourceRef.UNKNOWN), planWith()))
                .containsExactly("firewall.partition takes only named options: firewall.partition(port: 5432) or firewall.partition(host: '127.0.0.1', port: 5432)");
    }
}
