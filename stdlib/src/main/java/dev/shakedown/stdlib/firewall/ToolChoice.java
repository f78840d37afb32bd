package dev.shakedown.stdlib.firewall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Which firewall tool this machine can use, and if none, why not. iptables comes first where it works:
 * it is on more hosts, and its rules are where people look for them. The tools are asked once (by listing
 * rules, which changes nothing) and the answer is kept.
 */
final class ToolChoice {
    private static final String INSTALL = "install one: apt-get install iptables (or nftables)";

    /** The tool to use, or why there is none. */
    private record Answer(Optional<FirewallTool> tool, String whyNone) {}

    private final Commands commands;
    private final Supplier<OptionalLong> effectiveUid;
    private Answer answer;
    private Optional<String> ipProblem; // null until asked

    ToolChoice(Commands commands, Supplier<OptionalLong> effectiveUid) {
        this.commands = commands;
        this.effectiveUid = effectiveUid;
    }

    /** Why a partition cannot be made here, as a sentence with what to do about it; empty when it can. */
    Optional<String> unavailable(PartitionOptions partition) {
        OptionalLong uid = effectiveUid.get();
        if (uid.isPresent() && uid.getAsLong() != 0) {
            return Optional.of("changing firewall rules needs root, and this process runs as uid " + uid.getAsLong()
                    + "; run shakedown as root (sudo)");
        }
        if (partition.netns().isPresent() && ipProblem().isPresent()) {
            return Optional.of("acting in a network namespace needs the ip command, which does not work here ("
                    + ipProblem().get() + "); install it: apt-get install iproute2");
        }
        Answer chosen = answer();
        return chosen.tool().isPresent() ? Optional.empty() : Optional.of(chosen.whyNone());
    }

    /** The tool to use; throws with the reason when there is none. */
    FirewallTool tool() {
        Answer chosen = answer();
        return chosen.tool().orElseThrow(() -> new IllegalStateException(chosen.whyNone()));
    }

    /** The tool that would be used, or iptables where none works, to show what a fault would do. */
    FirewallTool toolOrPreferred() {
        return answer().tool().orElseGet(Iptables::new);
    }

    private synchronized Answer answer() {
        if (answer == null) answer = choose();
        return answer;
    }

    private Answer choose() {
        Optional<String> iptables = problem(new Iptables().probes());
        if (iptables.isEmpty()) return new Answer(Optional.of(new Iptables()), null);
        Optional<String> nft = problem(new Nft().probes());
        if (nft.isEmpty()) return new Answer(Optional.of(new Nft()), null);
        return new Answer(Optional.empty(), "neither iptables nor nft works here (" + iptables.get() + "; " + nft.get() + "); " + INSTALL);
    }

    private synchronized Optional<String> ipProblem() {
        if (ipProblem == null) ipProblem = problem(List.of(List.of("ip", "-V")));
        return ipProblem;
    }

    /** The first failure among the commands, or empty when they all work. */
    private Optional<String> problem(List<List<String>> probes) {
        return probes.stream().map(probe -> commands.run(Optional.empty(), probe))
                .filter(result -> !result.ok()).findFirst().map(Commands.Result::failure);
    }

    /** The effective uid from /proc (the JDK has no call for it); empty where /proc cannot tell. */
    static OptionalLong effectiveUid() {
        try {
            // "Uid:\t<real>\t<effective>\t<saved>\t<filesystem>"
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .mapToLong(line -> Long.parseLong(line.split("\\s+")[2]))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
