package dev.shakedown.dsl;

import dev.shakedown.engine.spi.Probe;
import groovy.lang.Closure;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * A condition's closure as an engine probe: the Groovy truth of what the closure returns. The engine calls
 * it from its own threads long after the script has run; nothing here depends on the building thread.
 */
final class ClosureProbe implements Probe {
    private final Closure<?> closure;

    ClosureProbe(Closure<?> closure) {
        this.closure = closure;
    }

    @Override
    public boolean test() {
        return DefaultTypeTransformation.castToBoolean(closure.call());
    }
}
