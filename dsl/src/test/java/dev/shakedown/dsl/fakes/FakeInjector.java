package dev.shakedown.dsl.fakes;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;

/** Stands in for the stdlib's injectors: the DSL needs only their names. */
public abstract class FakeInjector implements Injector {
    @Override
    public String summary() {
        return "test fault " + name();
    }

    @Override
    public String describe(FaultSpec spec) {
        return spec.toString();
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext context) {
        throw new UnsupportedOperationException("the DSL tests never run faults");
    }

    public static final class Kill extends FakeInjector {
        @Override
        public String name() {
            return "kill";
        }
    }

    /** Named like the slo word {@code latency}, as the stdlib's link fault is. */
    public static final class Latency extends FakeInjector {
        @Override
        public String name() {
            return "latency";
        }
    }
}
