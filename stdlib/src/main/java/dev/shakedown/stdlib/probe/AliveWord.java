package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import java.util.List;
import java.util.Map;

/** The script word {@code alive}: {@code condition 'up', { alive('guardian') }}, true while the process runs. */
public final class AliveWord implements DslWord {
    @Override
    public String name() {
        return "alive";
    }

    @Override
    public String summary() {
        return "alive('guardian'): whether a declared process runs right now (inside conditions)";
    }

    @Override
    public Class<?> resultType() {
        return Boolean.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!named.isEmpty() || args.size() != 1) throw new DslException("alive takes the name of a process: alive('guardian')");
        return ProcessRef.declared(build, String.valueOf(args.get(0))).isAlive();
    }
}
