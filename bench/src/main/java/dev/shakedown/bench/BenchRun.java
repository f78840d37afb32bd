package dev.shakedown.bench;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The least a run can be, for benchmarks that drive resources and faults without the engine. */
final class BenchRun implements RunContext {
    private final Path directory;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();

    BenchRun(Path directory) {
        this.directory = directory;
    }

    void add(Resource resource) {
        resources.put(resource.name(), resource);
    }

    @Override
    public ExperimentPlan plan() {
        return ExperimentPlan.ofResources("bench", List.of());
    }

    @Override
    public String runId() {
        return "bench";
    }

    @Override
    public Path runDirectory() {
        return directory;
    }

    @Override
    public Optional<Resource> resource(String name) {
        return Optional.ofNullable(resources.get(name));
    }

    @Override
    public long ledgerOpen(String what, UndoRecord undo) {
        return 0;
    }

    @Override
    public void ledgerUndone(long seq) {
        // nothing was written
    }

    @Override
    public void event(String kind, Map<String, Object> data) {
        // a benchmark has no timeline
    }
}
