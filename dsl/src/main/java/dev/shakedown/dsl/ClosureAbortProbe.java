package dev.shakedown.dsl;

import dev.shakedown.engine.run.MonitorSample;
import dev.shakedown.engine.spi.AbortProbe;
import groovy.lang.Closure;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * An {@code abortWhen} closure as an engine question: each time, a fresh copy of the closure reads the
 * window it is given through {@link AbortMetrics}, so no state is shared between calls or threads.
 */
final class ClosureAbortProbe implements AbortProbe {
    private final Closure<?> closure;

    ClosureAbortProbe(Closure<?> closure) {
        this.closure = closure;
    }

    @Override
    public boolean test(MonitorSample latest) {
        return DefaultTypeTransformation.castToBoolean(Closures.delegatingTo(closure, new AbortMetrics(latest)).call());
    }
}
