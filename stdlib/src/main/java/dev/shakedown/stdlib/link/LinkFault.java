package dev.shakedown.stdlib.link;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fault put in force on a link's proxy; rollback heals it. Both return once the proxy has done it. */
final class LinkFault implements Fault {
    private final Link link;
    private final Impairment impairment;
    private volatile Proxy.Applied applied;

    LinkFault(Link link, Impairment impairment) {
        this.link = link;
        this.impairment = impairment;
    }

    @Override
    public UndoRecord undoRecord() {
        return UndoRecord.nothing("the proxy heals when the engine stops");
    }

    @Override
    public void apply() throws Exception {
        applied = link.impose(impairment);
    }

    @Override
    public void rollback() throws Exception {
        Proxy.Applied inForce = applied;
        if (inForce != null) link.lift(inForce);
    }

    /** Counts the connections the fault met (open at apply, or new while in force) and how many it selected. */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("link", link.name());
        details.put("effect", impairment.toString());
        Proxy.Applied inForce = applied;
        if (inForce != null) {
            details.put("connectionsMet", inForce.met());
            details.put("connectionsSelected", inForce.selected());
        }
        return details;
    }
}
