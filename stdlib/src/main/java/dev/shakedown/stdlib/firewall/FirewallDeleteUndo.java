package dev.shakedown.stdlib.firewall;

import dev.shakedown.engine.spi.UndoAction;
import dev.shakedown.engine.spi.UndoRecord;
import java.util.Map;

/** Replays {@code firewall-delete}: the rules carrying the record's tag are deleted, then checked gone. */
public final class FirewallDeleteUndo implements UndoAction {
    @Override
    public String action() {
        return FirewallRules.ACTION;
    }

    @Override
    public Outcome undo(Map<String, Object> data) {
        FirewallRules.undo(new UndoRecord(FirewallRules.ACTION, data, "delete the rules tagged " + data.get("tag")));
        return Outcome.done("no rule tagged " + data.get("tag") + " is left");
    }
}
