package dev.shakedown.stdlib.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.FaultSpec;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Why a partition cannot run here, said so that the scenario is skipped with a reason and a way out. */
class FirewallAvailabilityTest {
    static final Map<String, String> NO_TOOLS = Map.of("iptables", "/nonexistent/iptables", "nft", "/nonexistent/nft");
    FaultSpec partition = Firewall.INSTANCE.partition(Map.of("port", 5432));

    @Test
    void needsRoot() {
        FirewallPartitionInjector injector = new FirewallPartitionInjector(Map.of(), () -> OptionalLong.of(1000));

        assertThat(injector.unavailable(partition))
                .contains("changing firewall rules needs root, and this process runs as uid 1000; run shakedown as root (sudo)");
    }

    @Test
    void needsIptablesOrNftAndSaysHowToGetThem() {
        FirewallPartitionInjector injector = new FirewallPartitionInjector(NO_TOOLS, () -> OptionalLong.of(0));

        assertThat(injector.unavailable(partition)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("neither iptables nor nft works here ('iptables -w 5 -S OUTPUT' failed: could not be run: ")
                .contains("; 'nft list tables' failed: could not be run: ")
                .endsWith("; install one: apt-get install iptables (or nftables)"));
    }

    @Test
    void needsTheIpCommandForANamespace() {
        FirewallPartitionInjector injector = new FirewallPartitionInjector(Map.of("ip", "/nonexistent/ip"), () -> OptionalLong.of(0));

        assertThat(injector.unavailable(Firewall.INSTANCE.partition(Map.of("port", 5432, "netns", "sd-fw-x")))).hasValueSatisfying(why -> assertThat(why)
                .startsWith("acting in a network namespace needs the ip command, which does not work here ('ip -V' failed: could not be run: ")
                .endsWith("); install it: apt-get install iproute2"));
    }

    @Test
    void isAvailableAsRootWithEitherTool() {
        Tool.assumeRoot();

        assertThat(Tool.IPTABLES.injector().unavailable(partition)).isEmpty();
        assertThat(Tool.NFT.injector().unavailable(partition)).isEmpty();
    }
}
