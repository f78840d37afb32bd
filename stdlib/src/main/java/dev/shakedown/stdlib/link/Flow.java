package dev.shakedown.stdlib.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One direction of a proxied connection: reads chunks from its source, holds them as its {@link Conduct}
 * says, and writes them to its sink. Nothing here ever sleeps: a chunk that must wait is stamped with its
 * release time and the proxy is asked to come back then. Confined to the proxy's thread.
 */
final class Flow {
    /** Under a delay, the proxy holds up to this much data per direction: the window of a long, slow pipe. */
    private static final long DELAY_WINDOW = 4 << 20;
    /** Reads per readiness event, so that one busy connection cannot starve the others. */
    private static final int READS_PER_EVENT = 8;

    private record Chunk(ByteBuffer data, long releaseAt) {}

    private final Direction direction;
    private final SocketChannel source;
    private final SocketChannel sink;
    private final Proxy proxy;
    private final Connection connection;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long lastReleaseAt;
    private Conduct conduct = Conduct.FREE;
    private TokenBucket bucket;
    private boolean sourceEnded;
    private boolean sinkShut;
    private boolean sinkFull;

    Flow(Direction direction, SocketChannel source, SocketChannel sink, Proxy proxy, Connection connection) {
        this.direction = direction;
        this.source = source;
        this.sink = sink;
        this.proxy = proxy;
        this.connection = connection;
    }

    /**
     * Without a delay the proxy holds one chunk per direction, like any relay, and TCP's flow control
     * pushes back on the sender; a stalled flow reads nothing, so the sender's own buffers fill up.
     */
    boolean wantsRead() {
        if (sourceEnded || conduct.stalled()) return false;
        return queue.isEmpty() || (conduct.delayed() && queuedBytes < DELAY_WINDOW);
    }

    boolean wantsWrite() {
        return sinkFull && !conduct.stalled();
    }

    /** The source's end has reached the sink and nothing is left to write. */
    boolean finished() {
        return sinkShut;
    }

    void adopt(Conduct next, long now) throws IOException {
        if (!next.rate().equals(conduct.rate())) bucket = next.rate().map(rate -> new TokenBucket(rate, now)).orElse(null);
        conduct = next;
        pump(now);
    }

    void onReadable(long now) throws IOException {
        for (int i = 0; i < READS_PER_EVENT && wantsRead(); i++) {
            ByteBuffer buffer = proxy.buffers().take();
            int n = source.read(buffer);
            if (n <= 0) {
                proxy.buffers().give(buffer);
                sourceEnded = n < 0;
                break;
            }
            enqueue(buffer.flip(), now);
            pump(now);
            if (n < BufferPool.BUFFER_SIZE) break; // the socket is drained for now; another read would return 0
        }
        if (sourceEnded) pump(now);
    }

    void onWritable(long now) throws IOException {
        pump(now);
    }

    /** Stamps the chunk with its release time: its arrival plus the delay and a jitter, never before the one ahead. */
    private void enqueue(ByteBuffer data, long arrivedAt) {
        long releaseAt = arrivedAt;
        if (conduct.delayed()) {
            // A pooled buffer is 128 KiB however few bytes it holds; a delay keeps many chunks in flight.
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            proxy.buffers().give(data);
            data = copy;
            long jitter = conduct.jitterNanos() == 0 ? 0 : proxy.random().nextLong(-conduct.jitterNanos(), conduct.jitterNanos() + 1);
            releaseAt = Math.max(arrivedAt + conduct.delayNanos() + jitter, lastReleaseAt);
            lastReleaseAt = releaseAt;
        }
        queue.addLast(new Chunk(data, releaseAt));
        queuedBytes += data.remaining();
    }

    /** Writes what the conduct lets through now, and asks the proxy to come back for what it holds back. */
    void pump(long now) throws IOException {
        if (conduct.stalled()) return;
        sinkFull = false; // until a write says otherwise: only a full sink may have the selector watch it
        Chunk head;
        while ((head = queue.peekFirst()) != null) {
            if (conduct.delayed() && head.releaseAt() > now) {
                connection.wakeAt(head.releaseAt());
                return;
            }
            long allowed = Long.MAX_VALUE;
            if (bucket != null) {
                allowed = bucket.grant(now, head.data().remaining());
                if (allowed == 0) {
                    connection.wakeAt(bucket.readyAt(now, head.data().remaining()));
                    return;
                }
            }
            if (!writeReleased(now, allowed)) {
                sinkFull = true; // the sink's socket buffer is full: wait until the selector says it is writable
                return;
            }
        }
        if (sourceEnded && !sinkShut) {
            sink.shutdownOutput(); // pass the half-close on: the sink reads end-of-stream, as from the source
            sinkShut = true;
        }
    }

    /**
     * Writes up to {@code allowed} bytes of the chunks whose time has come. One chunk goes out as it is;
     * several (a heal releases a delay's worth of small chunks at once) are copied into one pooled buffer
     * first, so they leave in one write rather than one each. Returns false if the sink took less.
     */
    private boolean writeReleased(long now, long allowed) throws IOException {
        ByteBuffer head = queue.peekFirst().data();
        boolean staging = head.remaining() < allowed && queue.size() > 1;
        ByteBuffer out = staging ? stage(now, allowed) : head.duplicate();
        if (out.remaining() > allowed) out.limit(out.position() + (int) allowed);
        int offered = out.remaining();
        int written = sink.write(out);
        if (staging) proxy.buffers().give(out);
        consume(written);
        return written == offered;
    }

    private ByteBuffer stage(long now, long allowed) {
        ByteBuffer staged = proxy.buffers().take();
        for (Chunk chunk : queue) {
            long room = Math.min(staged.remaining(), allowed - staged.position());
            if (room == 0 || (conduct.delayed() && chunk.releaseAt() > now)) break;
            ByteBuffer data = chunk.data().duplicate();
            if (data.remaining() > room) data.limit(data.position() + (int) room);
            staged.put(data);
        }
        return staged.flip();
    }

    /** Takes {@code written} bytes off the chunks at the head of the queue; emptied pooled buffers go back. */
    private void consume(long written) {
        if (bucket != null) bucket.spend(written);
        queuedBytes -= written;
        proxy.forwarded(direction, written);
        while (written > 0) {
            ByteBuffer data = queue.peekFirst().data();
            int n = (int) Math.min(written, data.remaining());
            data.position(data.position() + n);
            written -= n;
            if (!data.hasRemaining()) {
                queue.pollFirst();
                if (data.isDirect()) proxy.buffers().give(data);
            }
        }
    }
}
