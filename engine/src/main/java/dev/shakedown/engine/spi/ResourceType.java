package dev.shakedown.engine.spi;

import dev.shakedown.engine.plan.ResourceSpec;
import java.util.List;

/** Starts resources of one kind ({@code process}); found with {@link java.util.ServiceLoader}. */
public interface ResourceType {
    String kind();

    /**
     * Makes the choices a script may read while it builds its plan, without starting anything: a link
     * declared with {@code listen: 0} gets its free port here, so the script can pass the address on.
     */
    default ResourceSpec settle(ResourceSpec spec) {
        return spec;
    }

    default List<String> validate(ResourceSpec spec) {
        return List.of();
    }

    /** What starting the resource would do, for {@code plan} and {@code --dry-run}. */
    String describe(ResourceSpec spec);

    Resource create(ResourceSpec spec, RunContext context);
}
