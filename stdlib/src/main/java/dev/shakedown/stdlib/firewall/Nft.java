package dev.shakedown.stdlib.firewall;

import dev.shakedown.stdlib.firewall.PartitionOptions.IpVersion;
import dev.shakedown.stdlib.firewall.PartitionOptions.Mode;
import dev.shakedown.stdlib.firewall.PartitionOptions.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * nft: every fault gets a table of its own, {@code inet shakedown_<run>_<n>}, named after its tag, with
 * base chains on the output and input hooks; each rule also carries the tag as a comment. A drop in any
 * base chain is final, so no other table can let the packets through. The fault is added in one nft
 * transaction and deleted with one {@code delete table}, which needs no rule handles and leaves nothing
 * behind. (One shared {@code inet shakedown} table would have to be deleted by whichever fault is undone
 * last, and could be deleted under a fault that has just added a rule to it.)
 */
final class Nft implements FirewallTool {
    static final String NAME = "nft";
    private static final Pattern OUR_TABLE = Pattern.compile("shakedown_[A-Za-z0-9_]+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<List<String>> probes() {
        return List.of(List.of("nft", "list", "tables"));
    }

    @Override
    public TaggedRules rules(PartitionOptions partition, String tag) {
        String table = "inet " + tableName(tag);
        List<String> statements = new ArrayList<>(List.of("add table " + table));
        if (partition.direction().toPeer()) statements.add(baseChain(table, "output"));
        if (partition.direction().fromPeer()) statements.add(baseChain(table, "input"));
        // In reject mode resets pass (see PartitionOptions.Mode).
        String verdict = (partition.mode() == Mode.DROP ? "counter drop" : "tcp flags & rst == 0 counter reject with tcp reset")
                + " comment \"" + tag + "\"";
        for (Peer peer : partition.peers()) {
            if (partition.direction().toPeer()) {
                statements.add("add rule " + table + " output " + match(peer, "daddr") + " tcp dport " + partition.port() + " " + verdict);
            }
            if (partition.direction().fromPeer()) {
                statements.add("add rule " + table + " input " + match(peer, "saddr") + " tcp sport " + partition.port() + " " + verdict);
            }
        }
        // One argument holding every statement: nft runs them as one transaction, all or nothing.
        return new TaggedRules(this, tag, partition.netns(), List.of(List.of("nft", String.join("; ", statements))),
                Map.of("table", tableName(tag)));
    }

    private static String baseChain(String table, String hook) {
        return "add chain " + table + " " + hook + " { type filter hook " + hook + " priority filter; policy accept; }";
    }

    /** {@code ip daddr 127.0.0.1}; without an address, every address of that IP version. */
    private static String match(Peer peer, String field) {
        String family = peer.version() == IpVersion.IPV4 ? "ip" : "ip6";
        return peer.address().map(address -> family + " " + field + " " + address)
                .orElse("meta nfproto " + (peer.version() == IpVersion.IPV4 ? "ipv4" : "ipv6"));
    }

    @Override
    public List<List<String>> deletions(Map<String, ?> undo) {
        return List.of(List.of("nft", "delete", "table", "inet", table(undo)));
    }

    @Override
    public boolean anyLeft(Map<String, ?> undo, Commands commands, Optional<String> netns) {
        String listed = "table inet " + table(undo);
        return commands.check(netns, List.of("nft", "list", "tables")).lines().map(String::strip).anyMatch(listed::equals);
    }

    /** The tag in the letters a table name may have: {@code shakedown:r-1:2} names {@code shakedown_r_1_2}. */
    private static String tableName(String tag) {
        return tag.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_$", "");
    }

    /** Refuses a record that would delete a table that is not one of ours. */
    private static String table(Map<String, ?> undo) {
        String table = FirewallRules.field(undo, "table");
        if (!OUR_TABLE.matcher(table).matches()) throw new IllegalArgumentException("not a shakedown nft table: " + table);
        return table;
    }
}
