package dev.shakedown.stdlib.testing;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A script build for tests: collects the declared resources. */
public final class TestBuild implements BuildContext {
    private static final Registry REGISTRY = Registry.fromClasspath();
    private final List<ResourceSpec> resources = new ArrayList<>();
    private final Path directory;

    public TestBuild(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<ResourceSpec> resources() {
        return List.copyOf(resources);
    }

    @Override
    public void addResource(ResourceSpec spec) {
        if (resource(spec.name()).isPresent()) throw new DslException("'" + spec.name() + "' is declared twice");
        // As the real build does: the resource's type settles what the script may read (a link's port).
        resources.add(REGISTRY.resourceType(spec.kind()).map(type -> type.settle(spec)).orElse(spec));
    }

    @Override
    public void replaceResource(ResourceSpec spec) {
        int index = resources.indexOf(resource(spec.name()).orElseThrow());
        resources.set(index, REGISTRY.resourceType(spec.kind()).map(type -> type.settle(spec)).orElse(spec));
    }

    @Override
    public Optional<ResourceSpec> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Override
    public SourceRef callSite() {
        return new SourceRef("test.chaos.groovy", 1, 1);
    }

    @Override
    public Path scriptDirectory() {
        return directory;
    }
}
