package dev.shakedown.stdlib.testing;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.CurrentRun;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.ProcessResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run for tests: a directory, the resources it started, the events it recorded; close() stops them all. */
public final class TestRun implements RunContext, AutoCloseable {
    public record Event(String kind, Map<String, Object> data) {}

    /** A ledger line as the engine would write it; {@code undone} once marked so. */
    public record LedgerRecord(long seq, String what, UndoRecord undo, boolean undone) {}

    private final Path directory;
    private volatile ExperimentPlan plan = ExperimentPlan.ofResources("test", List.of());
    private final Map<String, Resource> resources = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<LedgerRecord> ledger = new CopyOnWriteArrayList<>();
    private volatile boolean interrupted;

    public TestRun(Path directory) {
        this.directory = directory;
    }

    public static ResourceSpec process(String name, Map<String, Object> options) {
        return new ResourceSpec(ProcessResourceType.KIND, name, options, SourceRef.UNKNOWN);
    }

    /**
     * Creates and starts a resource of any kind on the classpath; it is registered first, so close() cleans
     * up even if start() fails.
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> T start(ResourceSpec spec) throws Exception {
        ResourceType type = Registry.fromClasspath().resourceType(spec.kind())
                .orElseThrow(() -> new IllegalArgumentException("no resource type of kind '" + spec.kind() + "'"));
        Resource resource = type.create(spec, this);
        resources.put(spec.name(), resource);
        resource.start();
        return (T) resource;
    }

    /** Makes this the run that script objects ({@code processes.x.pid}) look at, until close(). */
    public TestRun makeCurrent() {
        CurrentRun.set(this);
        return this;
    }

    /** The plan resources see through {@link #plan()}; by default one that declares nothing. */
    public TestRun withPlan(ExperimentPlan plan) {
        this.plan = plan;
        return this;
    }

    /** As a signal does to a real run: from now on {@link #isInterrupted()} is true. */
    public void interrupt() {
        interrupted = true;
    }

    @Override
    public boolean isInterrupted() {
        return interrupted;
    }

    @Override
    public ExperimentPlan plan() {
        return plan;
    }

    public List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public Path runDirectory() {
        return directory;
    }

    @Override
    public Optional<Resource> resource(String name) {
        return Optional.ofNullable(resources.get(name));
    }

    public List<LedgerRecord> ledger() {
        return List.copyOf(ledger);
    }

    @Override
    public synchronized long ledgerOpen(String what, UndoRecord undo) {
        long seq = ledger.size() + 1;
        ledger.add(new LedgerRecord(seq, what, undo, false));
        return seq;
    }

    @Override
    public synchronized void ledgerUndone(long seq) {
        LedgerRecord open = ledger.get((int) seq - 1);
        ledger.set((int) seq - 1, new LedgerRecord(seq, open.what(), open.undo(), true));
    }

    @Override
    public void event(String kind, Map<String, Object> data) {
        events.add(new Event(kind, Map.copyOf(data)));
    }

    @Override
    public void close() {
        List<Resource> started;
        synchronized (resources) {
            started = new ArrayList<>(resources.values());
        }
        Collections.reverse(started);
        started.forEach(Resource::close);
        CurrentRun.clear(this);
    }
}
