package dev.shakedown.dsl.fakes;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.RunContext;

/** Makes {@code process 'name', ...} a word of the test scripts, as the stdlib's process type does. */
public final class FakeProcessType implements ResourceType {
    @Override
    public String kind() {
        return "process";
    }

    @Override
    public String describe(ResourceSpec spec) {
        return "process " + spec.name();
    }

    @Override
    public Resource create(ResourceSpec spec, RunContext context) {
        throw new UnsupportedOperationException("the DSL tests never start resources");
    }
}
