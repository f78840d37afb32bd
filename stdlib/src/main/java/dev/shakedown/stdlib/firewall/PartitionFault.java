package dev.shakedown.stdlib.firewall;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One partition: apply adds its tagged rules, rollback deletes them from the undo record, as a replay would. */
final class PartitionFault implements Fault {
    private final TaggedRules rules;
    private final UndoRecord undo;
    private final Commands commands;

    PartitionFault(TaggedRules rules, Commands commands) {
        this.rules = rules;
        this.undo = rules.undoRecord();
        this.commands = commands;
    }

    @Override
    public UndoRecord undoRecord() {
        return undo;
    }

    /** Adds the rules in order; if one cannot be added, those before it are deleted again, so nothing is half done. */
    @Override
    public void apply() {
        for (List<String> addition : rules.additions()) {
            try {
                commands.check(rules.netns(), addition);
            } catch (IllegalStateException e) {
                try {
                    FirewallRules.undo(undo, commands);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    @Override
    public void rollback() {
        FirewallRules.undo(undo, commands);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tool", rules.tool().name());
        details.put("tag", rules.tag());
        rules.netns().ifPresent(name -> details.put("netns", name));
        details.put("commands", rules.shown());
        return details;
    }
}
