package dev.shakedown.stdlib.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What plan and --dry-run show: the exact commands, with a stand-in for the tag that needs the run's id. */
class FirewallDescriptionTest {
    /** Where no tool answers, plan still shows what iptables would be asked to do. */
    FirewallPartitionInjector iptables = new FirewallPartitionInjector(FirewallAvailabilityTest.NO_TOOLS, () -> OptionalLong.of(0));

    @Test
    void showsTheIptablesCommandsForBothIpVersionsWhenNoHostIsGiven() {
        assertThat(iptables.describe(Firewall.INSTANCE.partition(Map.of("port", 5432)))).isEqualTo(
                "drop TCP packets to port 5432 of any host: "
                        + "iptables -w 5 -I OUTPUT 1 -p tcp --dport 5432 -m comment --comment 'shakedown:<run-id>:<n>' -j DROP"
                        + " && ip6tables -w 5 -I OUTPUT 1 -p tcp --dport 5432 -m comment --comment 'shakedown:<run-id>:<n>' -j DROP"
                        + "; recover deletes the rules tagged shakedown:<run-id>:<n>");
    }

    @Test
    void showsBothWaysInTheNamespace() {
        assertThat(iptables.describe(Firewall.INSTANCE.partition(Map.of("host", "10.0.0.5", "port", 5432, "direction", "both", "mode", "reject", "netns", "blue"))))
                .isEqualTo("reject TCP packets to and from 10.0.0.5:5432 with a TCP reset in network namespace 'blue': "
                        + "ip netns exec blue iptables -w 5 -I OUTPUT 1 -p tcp -d 10.0.0.5 --dport 5432 '!' --tcp-flags RST RST"
                        + " -m comment --comment 'shakedown:<run-id>:<n>' -j REJECT --reject-with tcp-reset"
                        + " && ip netns exec blue iptables -w 5 -I INPUT 1 -p tcp -s 10.0.0.5 --sport 5432 '!' --tcp-flags RST RST"
                        + " -m comment --comment 'shakedown:<run-id>:<n>' -j REJECT --reject-with tcp-reset"
                        + "; recover deletes the rules tagged shakedown:<run-id>:<n>");
    }

    @Test
    void showsTheNftTransactionWhereIptablesDoesNotWork() {
        Tool.assumeRoot();

        assertThat(Tool.NFT.injector().describe(Firewall.INSTANCE.partition(Map.of("host", "localhost", "port", 5432, "direction", "inbound"))))
                .isEqualTo("drop TCP packets from localhost:5432: nft 'add table inet shakedown_run_id_n;"
                        + " add chain inet shakedown_run_id_n input { type filter hook input priority filter; policy accept; };"
                        + " add rule inet shakedown_run_id_n input ip saddr 127.0.0.1 tcp sport 5432 counter drop comment \"shakedown:<run-id>:<n>\";"
                        + " add rule inet shakedown_run_id_n input ip6 saddr ::1 tcp sport 5432 counter drop comment \"shakedown:<run-id>:<n>\"'"
                        + "; recover deletes the rules tagged shakedown:<run-id>:<n>");
    }
}
