package dev.shakedown.engine.run;

import dev.shakedown.engine.ledger.LedgerReader;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test fault over an in-memory switch: {@code flip('name')} turns the named switch on and rollback
 * turns it off. It records the order of events and what the ledger held when it was applied, so tests
 * can check the executor's bookkeeping (pure logic: real faults are tested in the stdlib).
 */
public final class SwitchInjector implements Injector {
    public static final Map<String, AtomicBoolean> SWITCHES = new ConcurrentHashMap<>();
    public static final List<String> EVENTS = java.util.Collections.synchronizedList(new ArrayList<>());
    public static final List<Integer> OPEN_RECORDS_AT_APPLY = java.util.Collections.synchronizedList(new ArrayList<>());

    public static AtomicBoolean switchNamed(String name) {
        return SWITCHES.computeIfAbsent(name, n -> new AtomicBoolean());
    }

    public static void reset() {
        SWITCHES.clear();
        EVENTS.clear();
        OPEN_RECORDS_AT_APPLY.clear();
    }

    @Override public String name() { return "flip"; }
    @Override public String summary() { return "turn a test switch on"; }
    @Override public String describe(FaultSpec spec) { return "turn switch '" + spec.target() + "' on"; }

    @Override
    public java.util.Optional<String> unavailable(FaultSpec spec) {
        return java.util.Optional.ofNullable((String) spec.options().get("unavailable"));
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext context) {
        String name = spec.target();
        boolean failApply = Boolean.TRUE.equals(spec.options().get("failApply"));
        return new Fault() {
            @Override public UndoRecord undoRecord() { return new UndoRecord("switch-off", Map.of("switch", name), "turn it off"); }

            @Override
            public void apply() {
                OPEN_RECORDS_AT_APPLY.add(LedgerReader.openRecords(context).size());
                if (failApply) throw new IllegalStateException("switch " + name + " is stuck");
                switchNamed(name).set(true);
                EVENTS.add("on " + name);
            }

            @Override
            public void rollback() {
                switchNamed(name).set(false);
                EVENTS.add("off " + name);
            }

            @Override public Map<String, Object> details() { return Map.of("switch", name); }
        };
    }
}
