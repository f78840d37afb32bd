package dev.shakedown.stdlib.host;

import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;

/** The host's memory as OSHI reads it (from /proc/meminfo on Linux): used means total minus available. */
final class HostMemory {
    private static volatile GlobalMemory memory;

    private HostMemory() {}

    static GlobalMemory get() {
        GlobalMemory m = memory;
        if (m == null) memory = m = new SystemInfo().getHardware().getMemory();
        return m;
    }
}
