package dev.shakedown.stdlib.clock;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.ArgumentType;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.stdlib.probe.ProcessRef;
import dev.shakedown.stdlib.process.ProcessResource;
import dev.shakedown.stdlib.process.ProcessResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code clockSkew('guardian', +30.s)}: shifts the wall clock of one launched process, through libfaketime
 * preloaded at its launch ({@link FakeTimePreparation}) and the offset file it re-reads about once a second.
 * Never the host's clock: that would skew every process on the machine, the engine's timeline and the ledger.
 */
public final class ClockSkewInjector implements Injector {
    /** Words that mean the machine's clock, which this fault refuses to touch. */
    private static final Set<String> HOST_WORDS = Set.of("host", "system", "localhost");

    @Override
    public String name() {
        return ClockSkewSpec.NAME;
    }

    @Override
    public String summary() {
        return "shift the wall clock of a launched process by a relative offset (libfaketime); recover sets it back";
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.INFRASTRUCTURE;
    }

    @Override
    public List<ArgumentType> arguments() {
        return List.of(new ArgumentType("the name of a process such as 'guardian'", CharSequence.class, ProcessRef.class),
                new ArgumentType("an offset such as +30.s", Duration.class, CharSequence.class));
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        ClockSkewSpec skew = ClockSkewSpec.of(spec);
        List<String> problems = new ArrayList<>(skew.problems());
        skew.target().flatMap(target -> targetProblem(target, plan)).ifPresent(problems::add);
        return problems;
    }

    private static Optional<String> targetProblem(String target, ExperimentPlan plan) {
        Optional<ResourceSpec> resource = plan.resource(target);
        if (resource.isPresent() && resource.get().kind().equals(ProcessResourceType.KIND)) return Optional.empty();
        if (resource.isPresent() || HOST_WORDS.contains(target.toLowerCase(Locale.ROOT))) {
            return Optional.of("clockSkew('" + target + "'): Shakedown never changes the host's clock (it would skew every "
                    + "process on the machine, the engine's timeline and the ledger) — skew one launched process instead: "
                    + "clockSkew('guardian', +30.s)");
        }
        List<String> processes = plan.resources().stream()
                .filter(r -> r.kind().equals(ProcessResourceType.KIND)).map(ResourceSpec::name).toList();
        return Optional.of("no process '" + target + "'" + Suggestions.didYouMean(target, processes)
                + (processes.isEmpty() ? "; declare it first: process '" + target + "', command: [...]"
                        : " (declared: " + String.join(", ", processes) + ")"));
    }

    /** The library must be installed, and the process launched by the run: only a launch can preload it. */
    @Override
    public Optional<String> unavailable(FaultSpec spec, ExperimentPlan plan) {
        Optional<String> missing = LibFaketime.onThisMachine().missing();
        if (missing.isPresent()) return Optional.of("clockSkew needs libfaketime: " + missing.get());
        Optional<String> target = ClockSkewSpec.of(spec).target();
        if (target.isPresent() && plan.resource(target.get()).filter(SkewedProcesses::attached).isPresent()) {
            return Optional.of("clockSkew works on processes the run launches (libfaketime is preloaded at launch); process '"
                    + target.get() + "' is attached to, so its clock cannot be skewed");
        }
        return Optional.empty();
    }

    /** The offset formatting and the atomic file move, so that apply() is one small write in its step. */
    @Override
    public void warmUp() {
        OffsetFile.content(Duration.ofMillis(-1));
        LibFaketime.onThisMachine();
    }

    @Override
    public String describe(FaultSpec spec) {
        ClockSkewSpec skew = ClockSkewSpec.of(spec);
        return "shift the wall clock of process '" + skew.target().orElse("?") + "' by "
                + skew.offset().map(ClockSkewSpec::format).orElse("?")
                + " (libfaketime preloaded at launch; the process sees it within about 1 s; monotonic clocks untouched); "
                + "rollback sets +0";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) throws InterruptedException {
        ClockSkewSpec skew = ClockSkewSpec.of(spec);
        String target = skew.requireTarget();
        ProcessResource process = run.resource(target, ProcessResource.class).orElseThrow(
                () -> new IllegalStateException("process '" + target + "' is not part of this run"));
        if (!process.isLaunched()) {
            throw new IllegalStateException(process + " is attached to, not launched by the run, so libfaketime was never "
                    + "preloaded into it and its clock cannot be skewed");
        }
        if (!process.isAlive()) throw new IllegalStateException(process + " is not running, so its clock cannot be skewed");
        Path offsetFile = OffsetFile.of(run.runDirectory(), target);
        if (!Files.exists(offsetFile)) {
            throw new IllegalStateException(process + " was launched without libfaketime (there is no " + offsetFile
                    + "), so its clock cannot be skewed; the run preloads it only when the plan it was given skews that process");
        }
        ProcessHandle handle = process.handle();
        if (!LoadedLibraries.loaded(handle, LibFaketime.FILE)) {
            throw new IllegalStateException(process + " (PID " + handle.pid() + ") has not loaded libfaketime although it was "
                    + "preloaded: a statically linked program, or one that clears LD_PRELOAD, cannot have its clock skewed");
        }
        return new ClockSkewFault(handle.pid(), offsetFile, skew.requireOffset());
    }
}
