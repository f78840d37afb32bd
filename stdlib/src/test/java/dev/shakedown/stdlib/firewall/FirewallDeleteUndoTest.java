package dev.shakedown.stdlib.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tagged rule in a namespace of the test's own, deleted by the replay step from its record alone. */
class FirewallDeleteUndoTest {
    private static final String TAG = "shakedown:replay-test:1";

    @Test
    void deletesTheTaggedRuleAndAnAbsentOneIsDone() {
        Tool.assumeRoot();
        assumeTrue(new java.io.File("/usr/sbin/iptables").canExecute() || new java.io.File("/sbin/iptables").canExecute(),
                "needs iptables");
        try (NetworkNamespace ns = NetworkNamespace.create()) {
            List<String> spec = List.of("-p", "tcp", "-d", "10.0.0.5", "--dport", "5432", "-m", "comment", "--comment", TAG, "-j", "DROP");
            List<String> add = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "iptables", "-A", "OUTPUT"));
            add.addAll(spec);
            NetworkNamespace.host(add.toArray(String[]::new));
            assertThat(ns.firewallRules()).contains(TAG);
            Map<String, Object> data = Map.of("tool", "iptables", "tag", TAG, "netns", ns.name(),
                    "rules", List.of(Map.of("program", "iptables", "chain", "OUTPUT", "spec", spec)));

            assertThat(new FirewallDeleteUndo().undo(data).undone()).isTrue();
            assertThat(ns.firewallRules()).doesNotContain(TAG);
            assertThat(new FirewallDeleteUndo().undo(data).undone()).isTrue();
        }
    }
}
