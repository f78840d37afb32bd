package dev.shakedown.stdlib.firewall;

import dev.shakedown.stdlib.firewall.PartitionOptions.IpVersion;
import dev.shakedown.stdlib.firewall.PartitionOptions.Mode;
import dev.shakedown.stdlib.firewall.PartitionOptions.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * iptables, with ip6tables for IPv6 (both from Debian's {@code iptables}). Each rule is inserted first in
 * OUTPUT or INPUT, so that none of the host's own ACCEPT rules comes before it, and carries the tag as a
 * comment. It is deleted by repeating it with {@code -D}: the comment is part of the match, so the host's
 * own rules can never be the one deleted.
 */
final class Iptables implements FirewallTool {
    static final String NAME = "iptables";
    /** Waits for the xtables lock, which another tool (docker, a firewall daemon) may hold, instead of failing. */
    private static final List<String> WAIT = List.of("-w", "5");
    private static final Set<String> PROGRAMS = Set.of("iptables", "ip6tables");
    private static final Set<String> CHAINS = Set.of("OUTPUT", "INPUT");

    /** One rule: {@code spec} is everything after the chain, the same for adding (-I) and deleting (-D). */
    private record Rule(String program, String chain, List<String> spec) {
        Map<String, Object> toData() {
            return Map.of("program", program, "chain", chain, "spec", spec);
        }

        /** Refuses a record that would delete anything but a tagged rule of ours in OUTPUT or INPUT. */
        static Rule fromData(Object data, String tag) {
            if (!(data instanceof Map<?, ?> map) || !(map.get("spec") instanceof List<?> spec)) {
                throw new IllegalArgumentException("not an iptables rule of an undo record: " + data);
            }
            Rule rule = new Rule(String.valueOf(map.get("program")), String.valueOf(map.get("chain")),
                    spec.stream().map(String::valueOf).toList());
            int comment = rule.spec.indexOf("--comment");
            if (!PROGRAMS.contains(rule.program) || !CHAINS.contains(rule.chain)
                    || comment < 0 || comment + 1 >= rule.spec.size() || !rule.spec.get(comment + 1).equals(tag)) {
                throw new IllegalArgumentException("not a shakedown iptables rule tagged " + tag + ": " + data);
            }
            return rule;
        }

        List<String> command(String action, String... position) {
            return Stream.of(List.of(program), WAIT, List.of(action, chain), List.of(position), spec)
                    .flatMap(List::stream).toList();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<List<String>> probes() {
        return List.of(listing("iptables", "OUTPUT"), listing("ip6tables", "OUTPUT"));
    }

    @Override
    public TaggedRules rules(PartitionOptions partition, String tag) {
        List<Rule> rules = new ArrayList<>();
        for (Peer peer : partition.peers()) {
            String program = peer.version() == IpVersion.IPV4 ? "iptables" : "ip6tables";
            if (partition.direction().toPeer()) {
                rules.add(new Rule(program, "OUTPUT", spec(peer, "-d", "--dport", partition, tag)));
            }
            if (partition.direction().fromPeer()) {
                rules.add(new Rule(program, "INPUT", spec(peer, "-s", "--sport", partition, tag)));
            }
        }
        return new TaggedRules(this, tag, partition.netns(), rules.stream().map(rule -> rule.command("-I", "1")).toList(),
                Map.of("rules", rules.stream().map(Rule::toData).toList()));
    }

    private static List<String> spec(Peer peer, String addressFlag, String portFlag, PartitionOptions partition, String tag) {
        List<String> spec = new ArrayList<>(List.of("-p", "tcp"));
        peer.address().ifPresent(address -> spec.addAll(List.of(addressFlag, address)));
        spec.addAll(List.of(portFlag, String.valueOf(partition.port())));
        if (partition.mode() == Mode.REJECT) spec.addAll(List.of("!", "--tcp-flags", "RST", "RST")); // see PartitionOptions.Mode
        spec.addAll(List.of("-m", "comment", "--comment", tag));
        spec.addAll(partition.mode() == Mode.DROP ? List.of("-j", "DROP") : List.of("-j", "REJECT", "--reject-with", "tcp-reset"));
        return spec;
    }

    @Override
    public List<List<String>> deletions(Map<String, ?> undo) {
        return rules(undo).stream().map(rule -> rule.command("-D")).toList();
    }

    @Override
    public boolean anyLeft(Map<String, ?> undo, Commands commands, Optional<String> netns) {
        String tag = FirewallRules.field(undo, "tag");
        // -S prints the comment quoted ("shakedown:r:1"); the quotes keep shakedown:r:1 from matching shakedown:r:10.
        Pattern tagged = Pattern.compile("--comment \"?" + Pattern.quote(tag) + "(\"|\\s|$)");
        return rules(undo).stream().map(rule -> listing(rule.program, rule.chain)).distinct()
                .flatMap(listing -> commands.check(netns, listing).lines())
                .anyMatch(line -> tagged.matcher(line).find());
    }

    private static List<Rule> rules(Map<String, ?> undo) {
        String tag = FirewallRules.field(undo, "tag");
        if (!(undo.get("rules") instanceof List<?> rules) || rules.isEmpty()) {
            throw new IllegalArgumentException("iptables undo record without rules: " + undo);
        }
        return rules.stream().map(rule -> Rule.fromData(rule, tag)).toList();
    }

    private static List<String> listing(String program, String chain) {
        return Stream.of(List.of(program), WAIT, List.of("-S", chain)).flatMap(List::stream).toList();
    }
}
