package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.spi.CurrentRun;
import dev.shakedown.engine.validate.Suggestions;
import java.util.List;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.stdlib.process.ProcessResource;
import dev.shakedown.stdlib.process.ProcessResourceType;

/**
 * A declared process as a script sees it ({@code processes.guardian.pid}). It is named at build time; its
 * PID and state are looked up in the current run whenever they are read.
 */
public final class ProcessRef {
    private final String name;

    private ProcessRef(String name) {
        this.name = name;
    }

    /** The process of that name, which the script must have declared before. */
    static ProcessRef declared(BuildContext build, String name) {
        boolean isProcess = build.resource(name).filter(r -> r.kind().equals(ProcessResourceType.KIND)).isPresent();
        if (!isProcess) {
            List<String> known = declaredNames(build);
            throw new DslException("no process '" + name + "' is declared" + (known.isEmpty()
                    ? "; declare it first (process '" + name + "', command: [...] or match: '...'; or demoSystem())"
                    : Suggestions.didYouMean(name, known) + " (declared: " + String.join(", ", known) + ")"));
        }
        return new ProcessRef(name);
    }

    static List<String> declaredNames(BuildContext build) {
        return build.resources().stream().filter(r -> r.kind().equals(ProcessResourceType.KIND)).map(r -> r.name()).toList();
    }

    public String getName() {
        return name;
    }

    public long getPid() {
        return running("the PID of process '" + name + "'").pid();
    }

    public boolean isAlive() {
        return running("the state of process '" + name + "'").isAlive();
    }

    private ProcessResource running(String what) {
        RunContext run = CurrentRun.get().orElseThrow(() -> new DslException(
                what + " is known only while the experiment runs; read it inside a condition"));
        return run.resource(name, ProcessResource.class)
                .orElseThrow(() -> new IllegalStateException("process '" + name + "' has not been started in this run"));
    }

    @Override
    public String toString() {
        return "process '" + name + "'";
    }
}
