package dev.shakedown.engine.run;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * CPU and RSS of given processes, from OSHI. CPU is measured between two calls (each PID's previous
 * snapshot is kept), so call it once per window.
 */
final class ProcessMetrics {
    private final OperatingSystem os = new SystemInfo().getOperatingSystem();
    private Map<Long, OSProcess> previous = new HashMap<>();
    private Set<String> previousNames = Set.of();

    /**
     * @param pidsByName PIDs by the name of the resource that owns them
     * @return one entry per live process: keyed by the resource's name, or {@code name:pid} for a resource of
     *         several processes; a process that is gone is left out (nothing was measured)
     */
    Map<String, ProcessSample> sample(Map<String, List<Long>> pidsByName) {
        Map<Long, OSProcess> current = new HashMap<>();
        Map<String, ProcessSample> samples = new LinkedHashMap<>();
        pidsByName.forEach((name, pids) -> {
            for (long pid : pids) {
                OSProcess process = os.getProcess((int) pid);
                if (process == null) continue;
                current.put(pid, process);
                String key = pids.size() == 1 ? name : name + ":" + pid;
                boolean restarted = previousNames.contains(name);
                samples.put(key, new ProcessSample(pid, cpuPercent(process, previous.get(pid), restarted), process.getResidentSetSize()));
            }
        });
        previous = current;
        previousNames = Set.copyOf(pidsByName.keySet());
        return samples;
    }

    /**
     * @param restarted the PID is new but its resource was there at the previous sample: the process was
     *                  (re)started since, so its whole life lies in this window and its load over that life is
     *                  the window's. (Start times cannot tell: Linux gives the boot time to the second only.)
     */
    private static Double cpuPercent(OSProcess process, OSProcess prior, boolean restarted) {
        if (prior != null && prior.getStartTime() == process.getStartTime()) {
            return 100.0 * process.getProcessCpuLoadBetweenTicks(prior);
        }
        return restarted ? 100.0 * process.getProcessCpuLoadCumulative() : null;
    }
}
