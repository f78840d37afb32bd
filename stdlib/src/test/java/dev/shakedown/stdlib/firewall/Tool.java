package dev.shakedown.stdlib.firewall;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Both tools, each really used: nft is chosen where iptables cannot run, here by pointing iptables nowhere. */
enum Tool {
    IPTABLES(Map.of()),
    NFT(Map.of("iptables", "/nonexistent/iptables"));

    private final Map<String, String> programs;

    Tool(Map<String, String> programs) {
        this.programs = programs;
    }

    FirewallPartitionInjector injector() {
        return new FirewallPartitionInjector(programs, ToolChoice::effectiveUid);
    }

    /** The tools answer only root; CI runs as root, so there these tests always run. */
    static void assumeRoot() {
        OptionalLong uid = ToolChoice.effectiveUid();
        assumeTrue(uid.isPresent() && uid.getAsLong() == 0, "firewall rules need root");
    }

    /** As the fault's details and the undo record name it. */
    String command() {
        return name().toLowerCase(Locale.ROOT);
    }
}
