package dev.shakedown.engine.run;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/** Host CPU and memory use, from OSHI. CPU is measured between two calls, so call it once per window. */
final class HostMetrics {
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private long[] previousTicks;

    HostMetrics() {
        SystemInfo si = new SystemInfo();
        this.processor = si.getHardware().getProcessor();
        this.memory = si.getHardware().getMemory();
        this.previousTicks = processor.getSystemCpuLoadTicks();
    }

    /** Percent of all cores busy since the previous call. */
    double cpuPercent() {
        double load = processor.getSystemCpuLoadBetweenTicks(previousTicks);
        previousTicks = processor.getSystemCpuLoadTicks();
        return load * 100.0;
    }

    double memoryPercent() {
        long total = memory.getTotal();
        return total == 0 ? 0 : 100.0 * (total - memory.getAvailable()) / total;
    }
}
