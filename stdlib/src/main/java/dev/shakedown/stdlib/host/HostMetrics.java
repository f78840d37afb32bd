package dev.shakedown.stdlib.host;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Host CPU and memory use, and the CPU and resident memory of single processes, through OSHI. CPU
 * figures are measured between two calls, so each call reports the time since the previous one.
 */
public final class HostMetrics {
    /**
     * @param cpuPercent percent of one core (like {@code top}): 200 means two cores fully busy
     * @param rssBytes   resident set size
     */
    public record ProcessSample(long pid, double cpuPercent, long rssBytes) {}

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private long[] previousTicks;
    private final Map<Integer, OSProcess> previousSnapshots = new HashMap<>();

    public HostMetrics() {
        SystemInfo system = new SystemInfo();
        this.processor = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.os = system.getOperatingSystem();
        this.previousTicks = processor.getSystemCpuLoadTicks();
    }

    /** Busy share of all cores, in percent (0-100), since the previous call (the first: since construction). */
    public synchronized double cpuPercent() {
        long[] ticks = processor.getSystemCpuLoadTicks();
        double load = processor.getSystemCpuLoadBetweenTicks(previousTicks, ticks);
        previousTicks = ticks;
        return load * 100.0;
    }

    /** Memory in use (not available to new work), in percent of the total. */
    public double memoryPercent() {
        return 100.0 * (memory.getTotal() - memory.getAvailable()) / memory.getTotal();
    }

    public int logicalCores() {
        return processor.getLogicalProcessorCount();
    }

    /**
     * CPU and memory of one process; CPU since the previous sample of the same PID (the first sample of a
     * PID: its average since it started). Empty once the process is gone.
     */
    public synchronized Optional<ProcessSample> process(long pid) {
        int id = Math.toIntExact(pid);
        OSProcess now = os.getProcess(id);
        if (now == null) {
            previousSnapshots.remove(id);
            return Optional.empty();
        }
        double load = now.getProcessCpuLoadBetweenTicks(previousSnapshots.get(id));
        previousSnapshots.put(id, now);
        return Optional.of(new ProcessSample(pid, load * 100.0, now.getResidentMemory()));
    }
}
