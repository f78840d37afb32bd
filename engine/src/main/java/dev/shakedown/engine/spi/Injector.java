package dev.shakedown.engine.spi;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import java.util.List;
import java.util.Optional;

/**
 * One kind of fault ({@code kill}, {@code stop}, ...). Implementations live in libraries (the stdlib is
 * one) and are found with {@link java.util.ServiceLoader}: a jar on the classpath adds faults without any
 * change to the engine or the DSL. The DSL offers every injector as a function of the same name.
 */
public interface Injector {
    /** The word scripts use, e.g. {@code kill}. */
    String name();

    /** One line for listings, e.g. {@code "SIGKILL a process; recover restarts it if the run launched it"}. */
    String summary();

    /** Which of the seed's scenario families this fault belongs to, for the evidence's summary. */
    default FaultCategory category() {
        return FaultCategory.INFRASTRUCTURE;
    }

    /**
     * The positional arguments the fault takes, in order, for checking scripts before they run
     * ({@code plan --strict}); empty when the fault does not declare them (then only {@link #validate} checks them).
     */
    default List<ArgumentType> arguments() {
        return List.of();
    }

    /** Problems with this use of the fault that can be seen before anything runs; empty when none. */
    default List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        return List.of();
    }

    /**
     * Why this fault cannot run on this machine (a tool is missing, it needs root), with what to do about
     * it; empty when it can. A scenario with an unavailable fault is {@code skipped}, never passed.
     */
    default Optional<String> unavailable(FaultSpec spec) {
        return Optional.empty();
    }

    /**
     * Like {@link #unavailable(FaultSpec)}, for faults whose availability depends on what the plan declares
     * (a clock can be skewed only in a process the run launches).
     */
    default Optional<String> unavailable(FaultSpec spec, ExperimentPlan plan) {
        return unavailable(spec);
    }

    /**
     * Called once at the start of a run that uses this fault, before any scenario: load what the first
     * injection would otherwise load inside its step (native libraries, classes), so that a fault takes
     * effect within milliseconds of its step's start. Must not touch the system under test.
     */
    default void warmUp() {}

    /** What the fault would do, in a sentence, for {@code plan} and {@code --dry-run}. */
    String describe(FaultSpec spec);

    /**
     * Resolves the fault against the running system without touching it yet. The engine writes
     * {@link Fault#undoRecord()} to the ledger, fsyncs it, and only then calls {@link Fault#apply()}.
     */
    Fault prepare(FaultSpec spec, RunContext context) throws Exception;
}
