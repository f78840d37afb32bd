package dev.shakedown.stdlib.disk;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.CurrentRun;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code disk(path:, fill: 95.percent)} / {@code disk(path:, free: 10.mb)}: fills the filesystem holding
 * {@code path} with one file of real blocks. Everything is measured and decided in {@link #prepare} (the
 * amount, the cap, the file's name), so the ledger names the file before it exists and {@code apply()} is
 * the allocation alone.
 */
public final class DiskInjector implements Injector {
    /** Numbers the fill files of one engine, so two disk faults in a run never share a file. */
    private static final AtomicInteger FILES = new AtomicInteger();

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public String summary() {
        return "fill the filesystem holding a path with real blocks (fill: share or free: space left); recover deletes the fill";
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.INFRASTRUCTURE;
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        try {
            DiskOptions.from(spec);
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * With {@code dedicatedOnly: true} the fill is skipped unless the path sits on a filesystem mounted
     * inside this run's directory (the {@code tmpfs} resource mounts one there when it runs as root): a
     * run that could not make its small filesystem must not fill the machine's real disk instead.
     */
    @Override
    public Optional<String> unavailable(FaultSpec spec) {
        DiskOptions options = DiskOptions.from(spec);
        Optional<RunContext> run = CurrentRun.get();
        if (!options.dedicatedOnly() || run.isEmpty()) return Optional.empty();
        Path runDir = run.get().runDirectory().toAbsolutePath().normalize();
        Path path = options.resolve(runDir);
        try {
            Optional<Path> mount = Mounts.mountPointOf(path);
            if (mount.isPresent() && mount.get().startsWith(runDir) && !mount.get().equals(runDir)) return Optional.empty();
            return Optional.of("disk(dedicatedOnly: true): " + path + " is on " + mount.map(Path::toString).orElse("an unknown mount")
                    + ", not on a filesystem this run mounted, so it is not filled (the run mounts its own tmpfs only as root)");
        } catch (IOException e) {
            return Optional.of("disk(dedicatedOnly: true): cannot tell which filesystem holds " + path + ": " + e.getMessage());
        }
    }

    /** libc, the filesystem queries and the fill classes, so that the fill starts at once in its step. */
    @Override
    public void warmUp() {
        LibC.root();
        try {
            Space.of(Path.of("."), false);
        } catch (IOException ignored) {
            // only loading; prepare reports real problems
        }
        FillFile.Method.values();
    }

    @Override
    public String describe(FaultSpec spec) {
        DiskOptions o = DiskOptions.from(spec);
        return "fill the filesystem holding " + o.path() + " " + o.target() + " with one file of real blocks"
                + (o.force() ? " (no cap: force)" : ", at most " + o.maxBytes())
                + (o.dedicatedOnly() ? ", only if the run mounted that filesystem" : "") + " (recover deletes it)";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) throws IOException {
        DiskOptions options = DiskOptions.from(spec);
        Path path = options.resolve(run.runDirectory());
        if (!Files.exists(path)) throw new IllegalStateException("disk: " + path + " does not exist, so no filesystem holds it");
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        Space before = Space.of(dir, LibC.root());
        long bytes = amount(options, before);
        if (bytes <= 0) {
            throw new IllegalStateException("disk: " + before.filesystem() + " is already " + percent(before.usedFraction())
                    + " used with " + new ByteSize(before.free()) + " free; nothing to fill " + options.target());
        }
        if (bytes > options.maxBytes().bytes() && !options.force()) {
            throw new IllegalStateException("disk: filling " + before.filesystem() + " " + options.target() + " needs "
                    + new ByteSize(bytes) + " (" + bytes + " bytes), more than the cap of " + options.maxBytes()
                    + " (" + options.maxBytes().bytes() + " bytes); raise maxBytes: or give force: true");
        }
        Path file = fillFile(dir, run.runId());
        return new DiskFault(file, bytes, before);
    }

    /** Bytes to allocate, rounded down to whole blocks so the target level is not overshot. */
    static long amount(DiskOptions options, Space space) {
        long wanted = options.fill()
                .map(p -> space.free() - (long) Math.ceil((1 - p.fraction()) * space.total()))
                .orElseGet(() -> space.free() - options.free().get().bytes());
        long block = Math.max(1, space.blockSize());
        return wanted <= 0 ? wanted : wanted / block * block;
    }

    private static Path fillFile(Path dir, String runId) {
        Path file;
        do {
            file = dir.resolve(".shakedown-fill-" + runId + "-" + FILES.incrementAndGet()).toAbsolutePath();
        } while (Files.exists(file));
        return file;
    }

    static String percent(double fraction) {
        return String.format("%.1f%%", fraction * 100);
    }
}
