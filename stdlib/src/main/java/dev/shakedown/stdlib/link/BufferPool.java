package dev.shakedown.stdlib.link;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of 128 KiB (socat's {@code -b 131072}: as few system calls per byte as it makes), reused.
 * The proxy takes one for a read and gives it back once its bytes are written, so an idle connection holds
 * none. Confined to the proxy's thread.
 */
final class BufferPool {
    static final int BUFFER_SIZE = 128 * 1024;
    /** Beyond this many idle buffers (4 MiB), a returned buffer is left to the garbage collector. */
    private static final int MAX_IDLE = 32;

    private final ArrayDeque<ByteBuffer> idle = new ArrayDeque<>();

    ByteBuffer take() {
        ByteBuffer buffer = idle.pollFirst();
        return buffer == null ? ByteBuffer.allocateDirect(BUFFER_SIZE) : buffer.clear();
    }

    void give(ByteBuffer buffer) {
        // Last in, first out: the buffer most recently used is the one most likely still in the CPU cache.
        if (idle.size() < MAX_IDLE) idle.offerFirst(buffer);
    }
}
