package dev.shakedown.stdlib.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.spi.UndoRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the ledger holds for a partition: everything a later process needs to delete the rules, and no more. */
class UndoRecordShapeTest {
    static final String TAG = "shakedown:20250101-030000-1a2b:7";

    @Test
    void iptablesKeepsEachRuleAsItWasAdded() {
        UndoRecord undo = new Iptables().rules(PartitionOptions.of(Map.of("host", "10.0.0.5", "port", 5432, "netns", "blue")), TAG).undoRecord();

        List<String> spec = List.of("-p", "tcp", "-d", "10.0.0.5", "--dport", "5432", "-m", "comment", "--comment", TAG, "-j", "DROP");
        assertThat(undo).isEqualTo(new UndoRecord("firewall-delete",
                Map.of("tool", "iptables", "tag", TAG, "netns", "blue",
                        "rules", List.of(Map.of("program", "iptables", "chain", "OUTPUT", "spec", spec))),
                "ip netns exec blue iptables -w 5 -D OUTPUT -p tcp -d 10.0.0.5 --dport 5432 -m comment --comment " + TAG
                        + " -j DROP (every rule carries the tag " + TAG + ")"));
    }

    @Test
    void nftKeepsTheTableOfTheFault() {
        UndoRecord undo = new Nft().rules(PartitionOptions.of(Map.of("port", 5432, "direction", "both")), TAG).undoRecord();

        assertThat(undo).isEqualTo(new UndoRecord("firewall-delete",
                Map.of("tool", "nft", "tag", TAG, "table", "shakedown_20250101_030000_1a2b_7"),
                "nft delete table inet shakedown_20250101_030000_1a2b_7 (every rule carries the tag " + TAG + ")"));
    }

    @Test
    void aRecordThatWouldDeleteSomethingNotOursIsRefused() {
        UndoRecord foreignTable = new UndoRecord("firewall-delete", Map.of("tool", "nft", "tag", TAG, "table", "filter"), "");
        UndoRecord untaggedRule = new UndoRecord("firewall-delete", Map.of("tool", "iptables", "tag", TAG,
                "rules", List.of(Map.of("program", "iptables", "chain", "OUTPUT", "spec", List.of("-j", "ACCEPT")))), "");

        assertThatThrownBy(() -> FirewallRules.undo(foreignTable)).hasMessage("not a shakedown nft table: filter");
        assertThatThrownBy(() -> FirewallRules.undo(untaggedRule)).hasMessageStartingWith("not a shakedown iptables rule tagged " + TAG);
    }

    @Test
    void everyFaultGetsATagOfItsOwn() {
        assertThat(FirewallRules.newTag("run 1")).matches("shakedown:run_1:\\d+").isNotEqualTo(FirewallRules.newTag("run 1"));
    }
}
