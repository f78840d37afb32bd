package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import java.util.List;
import java.util.Map;

/** The script word {@code processes}: {@code processes.guardian.pid}, {@code processes.guardian.alive}. */
public final class ProcessesWord implements DslWord {
    @Override
    public String name() {
        return "processes";
    }

    @Override
    public String summary() {
        return "the declared processes by name: processes.guardian.pid, processes.guardian.alive (read while the run runs)";
    }

    @Override
    public Class<?> resultType() {
        return Processes.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!named.isEmpty() || !args.isEmpty()) throw new DslException("processes takes no arguments; write processes.guardian.pid");
        return new Processes(build);
    }
}
