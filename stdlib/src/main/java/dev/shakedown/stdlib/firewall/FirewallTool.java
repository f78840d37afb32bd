package dev.shakedown.stdlib.firewall;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A firewall tool that writes a partition as tagged rules and deletes them again. Everything needed to
 * delete them is in the undo record's data, so another process (a ledger replay) can do it as well.
 */
sealed interface FirewallTool permits Iptables, Nft {
    /** The tool as the undo record names it. */
    String name();

    /** Commands that succeed only where the tool works: installed, supported by the kernel, permitted. */
    List<List<String>> probes();

    /** The rules for a partition, carrying the tag; nothing runs yet. */
    TaggedRules rules(PartitionOptions partition, String tag);

    /** Commands that delete the rules of an undo record; each fails harmlessly when its rule is already gone. */
    List<List<String>> deletions(Map<String, ?> undo);

    /** Whether a rule of the undo record is still in place; throws if the rules cannot be listed. */
    boolean anyLeft(Map<String, ?> undo, Commands commands, Optional<String> netns);

    static FirewallTool named(String name) {
        return switch (name) {
            case Iptables.NAME -> new Iptables();
            case Nft.NAME -> new Nft();
            default -> throw new IllegalArgumentException("unknown firewall tool '" + name + "' (known: iptables, nft)");
        };
    }
}
