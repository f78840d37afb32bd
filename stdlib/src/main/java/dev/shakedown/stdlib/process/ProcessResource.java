package dev.shakedown.stdlib.process;

import dev.shakedown.engine.spi.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process of the system under test, either launched by the run ({@link LaunchedProcess}) or attached
 * to ({@link AttachedProcess}). Faults find it by name through the run and act on its PIDs.
 */
public abstract sealed class ProcessResource implements Resource permits LaunchedProcess, AttachedProcess {
    private final String name;

    ProcessResource(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** The processes this resource stands for: one, or every match of an attach with {@code all: true}. */
    public abstract List<ProcessHandle> handles();

    /** The process (the first one, lowest PID, when attached with {@code all: true}). */
    public ProcessHandle handle() {
        List<ProcessHandle> handles = handles();
        if (handles.isEmpty()) throw new IllegalStateException("process '" + name + "' has not been started");
        return handles.get(0);
    }

    public long pid() {
        return handle().pid();
    }

    public boolean isAlive() {
        return handles().stream().anyMatch(ProcessHandle::isAlive);
    }

    /** True if the run launched it (and so may restart and must stop it). */
    public abstract boolean isLaunched();

    /** Launches it again with the same command and waits until it is ready; only for launched processes. */
    public abstract void restart() throws Exception;

    public abstract int restarts();

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        List<ProcessHandle> handles = handles();
        if (handles.size() == 1) details.put("pid", handles.get(0).pid());
        if (handles.size() > 1) details.put("pids", handles.stream().map(ProcessHandle::pid).toList());
        details.put("mode", isLaunched() ? "launched" : "attached");
        details.put("restarts", restarts());
        return details;
    }

    @Override
    public String toString() {
        return "process '" + name + "'";
    }
}
