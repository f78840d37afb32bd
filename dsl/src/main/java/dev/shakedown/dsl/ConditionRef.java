package dev.shakedown.dsl;

import dev.shakedown.engine.spi.Probe;

/**
 * A declared condition named by a bare word ({@code steadyState healthy}). Used as a truth value inside
 * another condition ({@code condition 'degraded', { !healthy }}) it asks the named condition's probe, so
 * the reference can never be silently "true" just for being an object.
 */
public final class ConditionRef {
    private final String name;
    private final Probe probe;

    ConditionRef(String name, Probe probe) {
        this.name = name;
        this.probe = probe;
    }

    public String getName() {
        return name;
    }

    /**
     * Groovy truth: {@code if (healthy)} and {@code !healthy} ask the probe. A probe that fails (a health
     * check that timed out) is "no", as it is for the condition itself; otherwise the failure would make
     * the whole enclosing question "no", and {@code abortWhen { !healthy }} could never fire on a hung system.
     */
    public boolean asBoolean() {
        try {
            return probe.test();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
