package dev.shakedown.stdlib.fault;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.ArgumentType;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.process.ProcessResource;
import dev.shakedown.stdlib.process.ProcessResourceType;
import dev.shakedown.stdlib.process.Signal;
import dev.shakedown.stdlib.process.Signals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fault that sends one signal to a declared process. Subclasses say how it is undone. Everything that
 * can be looked up is looked up in {@link #prepare}, so {@code apply()} is just the kill(2) calls.
 */
public abstract class SignalInjector implements Injector {
    private final String name;
    private final Signal signal;
    private final String summary;

    protected SignalInjector(String name, Signal signal, String summary) {
        this.name = name;
        this.signal = signal;
        this.summary = summary;
    }

    /** How the fault is undone, for {@link #describe}: {@code "recover sends SIGCONT"}. */
    protected abstract String recoveryNote();

    /** What replay must do should the engine die while the fault is active. */
    protected abstract UndoRecord undoRecord(List<ProcessHandle> targets);

    /** Undoes the fault; may add facts (a new PID) to {@code details}. */
    protected abstract void recover(ProcessResource process, List<ProcessHandle> targets, RunContext run,
                                    Map<String, Object> details) throws Exception;

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<ArgumentType> arguments() {
        return List.of(new ArgumentType("the name of a process such as 'guardian'", CharSequence.class));
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.PROCESS;
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        if (spec.target() == null) return List.of(name + " needs the name of a process: " + name + "('guardian')");
        if (!spec.options().isEmpty()) return List.of(name + " takes no named options, only the name of a process");
        Optional<ResourceSpec> resource = plan.resource(spec.target());
        if (resource.isEmpty()) {
            List<String> processes = plan.resources().stream()
                    .filter(r -> r.kind().equals(ProcessResourceType.KIND)).map(ResourceSpec::name).toList();
            return List.of("no process '" + spec.target() + "'" + Suggestions.didYouMean(spec.target(), processes));
        }
        if (!resource.get().kind().equals(ProcessResourceType.KIND)) {
            return List.of("'" + spec.target() + "' is a " + resource.get().kind() + ", not a process; "
                    + name + " works on processes");
        }
        return List.of();
    }

    @Override
    public String describe(FaultSpec spec) {
        return "send " + signal + " to process '" + spec.target() + "' (" + recoveryNote() + ")";
    }

    /** libc for kill(2), and the /proc reading of a process's start time that the undo record needs. */
    @Override
    public void warmUp() {
        Signals.load();
        ProcessHandles.startMillis(ProcessHandle.current());
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) {
        ProcessResource process = run.resource(spec.target(), ProcessResource.class).orElseThrow(
                () -> new IllegalStateException("process '" + spec.target() + "' is not part of this run"));
        List<ProcessHandle> targets = process.handles().stream().filter(ProcessHandle::isAlive).toList();
        if (targets.isEmpty()) throw new IllegalStateException(process + " is not running, so it cannot get " + signal);
        // Signal 0 runs the safety rails and the permission check now, and loads the native library early.
        targets.forEach(target -> Signals.send(run, target.pid(), Signal.CHECK));
        return new SignalFault(process, targets, run);
    }

    private final class SignalFault implements Fault {
        private final ProcessResource process;
        private final List<ProcessHandle> targets;
        private final RunContext run;
        private final Map<String, Object> details = new LinkedHashMap<>();

        SignalFault(ProcessResource process, List<ProcessHandle> targets, RunContext run) {
            this.process = process;
            this.targets = targets;
            this.run = run;
            if (targets.size() == 1) details.put("pid", targets.get(0).pid());
            else details.put("pids", targets.stream().map(ProcessHandle::pid).toList());
            details.put("signal", signal.toString());
        }

        @Override
        public UndoRecord undoRecord() {
            return SignalInjector.this.undoRecord(targets);
        }

        /** The engine stamps the moment this returns on its timeline: that is when the signal was delivered. */
        @Override
        public void apply() {
            for (ProcessHandle target : targets) Signals.send(run, target.pid(), signal);
        }

        @Override
        public void rollback() throws Exception {
            Map<String, Object> learned = new LinkedHashMap<>();
            recover(process, targets, run, learned);
            synchronized (details) {
                details.putAll(learned);
            }
        }

        @Override
        public Map<String, Object> details() {
            synchronized (details) {
                return new LinkedHashMap<>(details);
            }
        }
    }
}
