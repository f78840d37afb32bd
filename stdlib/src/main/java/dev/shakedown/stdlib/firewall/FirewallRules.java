package dev.shakedown.stdlib.firewall;

import dev.shakedown.engine.spi.UndoRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Firewall rules as the fault ledger knows them. {@link #undo} needs nothing but the undo record, so the
 * process that removes the rules of a dead engine (a ledger replay) does it exactly as a rollback does.
 */
public final class FirewallRules {
    /** The undo record's action for firewall rules. */
    public static final String ACTION = "firewall-delete";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private FirewallRules() {}

    /**
     * Deletes the rules of an undo record, then lists the firewall to make sure none is left. Rules that are
     * already gone, or whose network namespace is gone (it took its rules along), are fine: undoing twice is
     * harmless. Throws if a rule is still there, with the tool's own message and the manual way.
     */
    public static void undo(UndoRecord record) {
        undo(record, Commands.SYSTEM);
    }

    static void undo(UndoRecord record, Commands commands) {
        if (!record.action().equals(ACTION)) throw new IllegalArgumentException("not a firewall undo record: " + record);
        Map<String, Object> data = record.data();
        FirewallTool tool = FirewallTool.named(field(data, "tool"));
        Optional<String> netns = Optional.ofNullable(data.get("netns")).map(String::valueOf);
        if (netns.isPresent() && !commands.namespaceExists(netns.get())) return;

        List<String> failures = new ArrayList<>();
        for (List<String> deletion : tool.deletions(data)) {
            Commands.Result result = commands.run(netns, deletion);
            if (!result.ok()) failures.add(result.failure());
        }
        if (tool.anyLeft(data, commands, netns)) {
            throw new IllegalStateException("firewall rules tagged " + data.get("tag") + " are still there after deleting them"
                    + (failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")") + "; delete them by hand: " + record.manual());
        }
    }

    /** {@code shakedown:<runId>:<n>}: no other fault of this process has it, and the run can be told from it. */
    static String newTag(String runId) {
        String run = runId.replaceAll("[^A-Za-z0-9._-]", "_");
        // nft keeps comments up to 128 bytes; a run id is far shorter unless something is wrong.
        if (run.length() > 64) run = run.substring(0, 64);
        return "shakedown:" + run + ":" + SEQUENCE.incrementAndGet();
    }

    /** A text field of an undo record's data; a record without it cannot be undone. */
    static String field(Map<String, ?> data, String key) {
        Object value = data.get(key);
        if (value == null) throw new IllegalArgumentException("firewall undo record without " + key + ": " + data);
        return String.valueOf(value);
    }
}
