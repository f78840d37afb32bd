package dev.shakedown.stdlib.host;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The memory helper process: takes {@code --bytes} of resident memory, in chunks of {@link #CHUNK}, no
 * faster than {@code --rate} bytes per second (0: as fast as it can), and holds it until killed or until
 * the engine is gone. Reports {@code allocated <bytes>} per chunk and {@code holding <bytes>} at the end.
 * Memory comes from direct buffers, off the small heap; each page is written so the kernel must back it
 * with real memory (an untouched allocation is only address space).
 */
public final class MemoryHogMain {
    static final String BYTES = "--bytes";
    static final String RATE = "--rate";
    static final String ALLOCATED = "allocated ";
    static final String HOLDING = "holding ";
    static final int CHUNK = 64 * 1024 * 1024;
    private static final int PAGE = 4096;

    private MemoryHogMain() {}

    public static void main(String[] args) {
        HelperArguments arguments = HelperArguments.parse(args);
        DeadMansSwitch.arm(arguments);
        long bytes = Long.parseLong(arguments.value(BYTES));
        double rate = Double.parseDouble(arguments.value(RATE));
        List<ByteBuffer> held = new ArrayList<>();
        long start = System.nanoTime();
        long allocated = 0;
        while (allocated < bytes) {
            int size = (int) Math.min(CHUNK, bytes - allocated);
            ByteBuffer chunk = ByteBuffer.allocateDirect(size);
            for (int page = 0; page < size; page += PAGE) chunk.put(page, (byte) 1);
            held.add(chunk);
            allocated += size;
            System.out.println(ALLOCATED + allocated);
            System.out.flush();
            if (rate > 0) pace(start, allocated, rate);
        }
        System.out.println(HOLDING + allocated);
        System.out.flush();
        while (true) LockSupport.park(held); // the buffers stay reachable from here until the process ends
    }

    /** Waits until {@code allocated} bytes are due at {@code rate} since {@code start}. */
    private static void pace(long start, long allocated, double rate) {
        long due = start + (long) (allocated / rate * 1e9);
        for (long wait; (wait = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
    }
}
