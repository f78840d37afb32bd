package dev.shakedown.engine.run;

import dev.shakedown.engine.spi.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PIDs of the processes the script owns, by resource name, read from each started resource's
 * {@code details()} ({@code pid} or {@code pids}) at every call: a restarted process has a new PID, and the
 * engine knows processes only through what their resources say.
 */
final class OwnedProcesses implements Supplier<Map<String, List<Long>>> {
    private final Map<String, Resource> resources;

    /** @param resources the run's started resources; read, never changed */
    OwnedProcesses(Map<String, Resource> resources) {
        this.resources = resources;
    }

    @Override
    public Map<String, List<Long>> get() {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        resources.forEach((name, resource) -> {
            List<Long> found = pidsOf(resource);
            if (!found.isEmpty()) pids.put(name, found);
        });
        return pids;
    }

    private static List<Long> pidsOf(Resource resource) {
        Map<String, Object> details;
        try {
            details = resource.details();
        } catch (RuntimeException e) {
            return List.of(); // not started, or stopping: nothing to measure this time
        }
        if (details.get("pid") instanceof Number pid) return List.of(pid.longValue());
        if (details.get("pids") instanceof List<?> list) {
            return list.stream().filter(Number.class::isInstance).map(n -> ((Number) n).longValue()).toList();
        }
        return List.of();
    }
}
