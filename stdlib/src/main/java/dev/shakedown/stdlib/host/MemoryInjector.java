package dev.shakedown.stdlib.host;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.stdlib.process.ProcessResource;
import dev.shakedown.stdlib.process.ProcessResourceType;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code memory(size: 2.gb)} / {@code memory(fill: 85.percent)}: a helper process takes and touches that
 * much host memory, holds it, and frees it (by ending) on rollback. The amount is decided and checked
 * against the safety cap in {@link #prepare}, from the host's memory at that moment. With {@code target:}
 * and {@code limit:} it instead limits one process's memory with a cgroup ({@link CgroupLimitFault}).
 */
public final class MemoryInjector implements Injector {
    /** Beyond the ramp itself: the helper's JVM start, and a host that is slow to hand out pages. */
    private static final Duration SLACK = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String summary() {
        return "take host memory in a helper process (memory(size: 2.gb), memory(fill: 85.percent)) or limit a process "
                + "(memory(target: 'gateway', limit: 128.mb)); recover undoes it";
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.MEMORY;
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        try {
            if (CgroupLimitOptions.asked(spec)) return validateTarget(CgroupLimitOptions.from(spec).target(), plan);
            if (!spec.args().isEmpty()) return List.of("memory takes only named options: memory(size: 2.gb) or memory(fill: 85.percent)");
            MemoryOptions.from(spec.options());
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    private static List<String> validateTarget(String target, ExperimentPlan plan) {
        if (plan == null || plan.resource(target).filter(r -> r.kind().equals(ProcessResourceType.KIND)).isPresent()) return List.of();
        List<String> processes = plan.resources().stream()
                .filter(r -> r.kind().equals(ProcessResourceType.KIND)).map(ResourceSpec::name).toList();
        return List.of("memory(target:) names no process '" + target + "'" + Suggestions.didYouMean(target, processes));
    }

    /** Host pressure runs anywhere; a limit on a process needs a writable cgroup v1 memory controller. */
    @Override
    public Optional<String> unavailable(FaultSpec spec) {
        return CgroupLimitOptions.asked(spec) ? MemoryCgroups.unavailable() : Optional.empty();
    }

    /** OSHI's first reading loads its classes and JNA; done here, not inside the step. */
    @Override
    public void warmUp() {
        MemoryBudget.ofHost();
    }

    @Override
    public String describe(FaultSpec spec) {
        if (CgroupLimitOptions.asked(spec)) {
            CgroupLimitOptions limit = CgroupLimitOptions.from(spec);
            return "limit process '" + limit.target() + "' to " + limit.limit() + " of memory in a cgroup of its own"
                    + " (recover moves it back and removes the cgroup)";
        }
        MemoryOptions options = MemoryOptions.from(spec.options());
        String amount = options.size().map(s -> "take " + s + " of host memory")
                .orElseGet(() -> "take host memory up to " + options.fill().orElseThrow() + " in use");
        return amount + " in a helper process, " + options.rateText() + ", capped at "
                + Math.round(MemoryBudget.CAP * 100) + " % of the host" + (options.force() ? " (forced past the cap)" : "")
                + " (recover frees it)";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) throws IOException {
        if (CgroupLimitOptions.asked(spec)) return prepareLimit(CgroupLimitOptions.from(spec), run);
        MemoryOptions options = MemoryOptions.from(spec.options());
        MemoryBudget budget = MemoryBudget.ofHost();
        long bytes = budget.bytesFor(options);
        double rate = options.ramp() ? options.rate().bytesPerSecond() : 0;
        Duration timeout = SLACK.plusMillis(rate > 0 ? (long) (bytes / rate * 1000) : 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bytes", bytes);
        details.put("size", new ByteSize(bytes).toString());
        details.put("hostTotalBytes", budget.total());
        details.put("hostAvailableBytesBefore", budget.available());
        // Direct buffers are capped by the JVM; the cap is raised to what the helper must hold.
        List<String> jvm = List.of("-XX:MaxDirectMemorySize=" + (bytes + MemoryHogMain.CHUNK));
        return new HelperFault(run, "memory hog", MemoryHogMain.class, List.of(), jvm,
                List.of(MemoryHogMain.BYTES, String.valueOf(bytes), MemoryHogMain.RATE, String.valueOf(rate)),
                line -> line.startsWith(MemoryHogMain.HOLDING), timeout, details);
    }

    private static Fault prepareLimit(CgroupLimitOptions options, RunContext run) throws IOException {
        MemoryCgroups.unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        ProcessResource process = run.resource(options.target(), ProcessResource.class).orElseThrow(
                () -> new IllegalStateException("process '" + options.target() + "' is not part of this run"));
        List<Long> pids = process.handles().stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        if (pids.isEmpty()) throw new IllegalStateException(process + " is not running, so it cannot be limited");
        String group = ("shakedown-" + run.runId() + "-" + options.target()).replaceAll("[^A-Za-z0-9._-]", "_");
        return new CgroupLimitFault(options.target(), pids, MemoryCgroups.of(pids.get(0)), group, options.limit());
    }
}
