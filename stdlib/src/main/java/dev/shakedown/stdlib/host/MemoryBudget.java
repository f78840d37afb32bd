package dev.shakedown.stdlib.host;

import dev.shakedown.engine.plan.ByteSize;
import java.util.Locale;

/**
 * How much a memory fault may take from a host with {@code total} bytes of which {@code available} are
 * available: never past {@link #CAP} of the host, and never so much that less than {@link #HEADROOM}
 * stays available for the engine itself, unless forced. Refusals name the numbers.
 */
record MemoryBudget(long total, long available) {
    static final double CAP = 0.90;
    static final long HEADROOM = 256 * ByteSize.MB;

    static MemoryBudget ofHost() {
        return new MemoryBudget(HostMemory.get().getTotal(), HostMemory.get().getAvailable());
    }

    long used() {
        return total - available;
    }

    /** The bytes the fault must allocate, or an {@link IllegalStateException} saying why it may not. */
    long bytesFor(MemoryOptions options) {
        long bytes = options.size().map(ByteSize::bytes)
                .orElseGet(() -> (long) (options.fill().orElseThrow().fraction() * total) - used());
        if (bytes <= 0) {
            throw new IllegalStateException(options.asked() + ": host memory use is already " + percent(used())
                    + " (" + gb(used()) + " of " + gb(total) + " GB), so there is nothing to fill");
        }
        if (options.force()) return bytes;
        long after = used() + bytes;
        if (after > CAP * total) {
            throw new IllegalStateException(options.asked() + " would take host memory to " + percent(after) + " ("
                    + gb(after) + " of " + gb(total) + " GB); the cap is " + Math.round(CAP * 100) + " %; force: true to go past it");
        }
        if (available - bytes < HEADROOM) {
            throw new IllegalStateException(options.asked() + " would leave " + new ByteSize(Math.max(0, available - bytes))
                    + " available, less than the " + new ByteSize(HEADROOM) + " the engine keeps for itself; force: true to go past it");
        }
        return bytes;
    }

    private String percent(long bytes) {
        return Math.round(100.0 * bytes / total) + " %";
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) ByteSize.GB);
    }
}
