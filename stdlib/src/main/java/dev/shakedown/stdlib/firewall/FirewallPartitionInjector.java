package dev.shakedown.stdlib.firewall;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code firewall.partition(port: 5432)}: cuts the TCP traffic with a dependency that is not behind a link,
 * with firewall rules (iptables, else nft) tagged with the run, so that they can be found and deleted even
 * after the engine died. Needs root and one of the tools; without them the scenario is skipped, with why.
 */
public final class FirewallPartitionInjector implements Injector {
    public static final String NAME = "firewallPartition";
    /** The tag as plan and --dry-run show it: the real one needs the run's id. */
    private static final String SHOWN_TAG = "shakedown:<run-id>:<n>";

    private final Commands commands;
    private final ToolChoice tools;

    public FirewallPartitionInjector() {
        this(Commands.SYSTEM, ToolChoice::effectiveUid);
    }

    /** For tests: {@code programs} maps a tool's name to another binary (one that is missing, say). */
    FirewallPartitionInjector(Map<String, String> programs, Supplier<OptionalLong> effectiveUid) {
        this(new Commands(programs), effectiveUid);
    }

    private FirewallPartitionInjector(Commands commands, Supplier<OptionalLong> effectiveUid) {
        this.commands = commands;
        this.tools = new ToolChoice(commands, effectiveUid);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "drop (or reset) TCP packets to and/or from host:port with iptables or nft; recover deletes the rules";
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.NETWORK;
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        try {
            PartitionOptions.of(spec);
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> unavailable(FaultSpec spec) {
        return tools.unavailable(PartitionOptions.of(spec));
    }

    /** The summary and the exact commands, with a stand-in for the tag, which needs the run's id. */
    @Override
    public String describe(FaultSpec spec) {
        PartitionOptions partition = PartitionOptions.of(spec);
        TaggedRules rules = tools.toolOrPreferred().rules(partition, SHOWN_TAG);
        return partition.summary() + ": " + String.join(" && ", rules.shown()) + "; recover deletes the rules tagged " + SHOWN_TAG;
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) {
        PartitionOptions partition = PartitionOptions.of(spec);
        FirewallTool tool = tools.tool();
        partition.netns().ifPresent(name -> {
            if (!commands.namespaceExists(name)) {
                throw new IllegalStateException("there is no network namespace '" + name + "' (see ip netns list)");
            }
        });
        return new PartitionFault(tool.rules(partition, FirewallRules.newTag(run.runId())), commands);
    }
}
