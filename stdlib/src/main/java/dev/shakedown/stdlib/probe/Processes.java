package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.stdlib.process.ProcessResourceType;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the script word {@code processes} gives: the declared processes by name, so that
 * {@code processes.guardian.pid} reads like a property. A name that was not declared is a script error.
 */
public final class Processes extends AbstractMap<String, ProcessRef> {
    private final BuildContext build;

    Processes(BuildContext build) {
        this.build = build;
    }

    @Override
    public ProcessRef get(Object name) {
        return ProcessRef.declared(build, String.valueOf(name));
    }

    @Override
    public boolean containsKey(Object name) {
        return build.resource(String.valueOf(name)).filter(r -> r.kind().equals(ProcessResourceType.KIND)).isPresent();
    }

    @Override
    public Set<Entry<String, ProcessRef>> entrySet() {
        Map<String, ProcessRef> all = new LinkedHashMap<>();
        for (String name : ProcessRef.declaredNames(build)) all.put(name, get(name));
        return all.entrySet();
    }

    @Override
    public String toString() {
        return "processes (the declared processes, by name)";
    }
}
