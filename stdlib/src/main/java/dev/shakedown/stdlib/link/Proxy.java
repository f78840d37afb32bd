package dev.shakedown.stdlib.link;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The selector loop of one link, on one thread: accepts clients, connects each to the upstream, and
 * moves bytes through the faults in force. Other threads change the faults only through {@link #call},
 * which runs on this thread between two selects, so a fault reaches every open connection at once.
 */
final class Proxy implements Runnable {
    /** How long another thread waits for the proxy to carry out a change before it gives up. */
    private static final long CALL_TIMEOUT_SECONDS = 5;

    /** A fault in force on the link, with how many connections it has met and selected so far. */
    static final class Applied {
        private final Impairment impairment;
        private volatile int met;
        private volatile int selected;

        private Applied(Impairment impairment) {
            this.impairment = impairment;
        }

        Impairment impairment() {
            return impairment;
        }

        int met() {
            return met;
        }

        int selected() {
            return selected;
        }

        /** Decides for one more connection, at random by the fault's toxicity. Only the proxy's thread calls it. */
        boolean select(SplittableRandom random) {
            boolean chosen = impairment.toxicity() >= 1 || random.nextDouble() < impairment.toxicity();
            met++;
            if (chosen) selected++;
            return chosen;
        }
    }

    private record Wakeup(long due, Connection connection) {}

    private final ServerSocketChannel listener;
    private final InetSocketAddress upstream;
    /** The upstream as the script wrote it, for messages. */
    private final String upstreamName;
    private final LinkLog log;
    private final Selector selector;
    private final BufferPool buffers = new BufferPool();
    private final SplittableRandom random = new SplittableRandom();
    private final PriorityQueue<Wakeup> wakeups = new PriorityQueue<>(Comparator.comparingLong(Wakeup::due));
    private final Queue<FutureTask<?>> calls = new ConcurrentLinkedQueue<>();
    /** Log lines of the last calls, written once their callers have their answer: a log write is slower than a fault. */
    private final List<String> pendingLog = new ArrayList<>();
    private final Set<Connection> connections = new LinkedHashSet<>();
    private volatile List<Applied> faults = List.of();
    private volatile boolean running = true;
    // Written by the proxy's thread only, read by details().
    private volatile long accepted;
    private volatile int open;
    private volatile long bytesUpstream;
    private volatile long bytesDownstream;
    /** Upstream connections that failed since the last that succeeded; the proxy's thread only. */
    private int failedInARow;

    Proxy(ServerSocketChannel listener, HostPort upstream, LinkLog log) throws IOException {
        this.listener = listener;
        this.upstream = upstream.resolve();
        if (this.upstream.isUnresolved()) throw new IOException("the upstream host '" + upstream.host() + "' is unknown");
        this.upstreamName = upstream.toString();
        this.log = log;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    @Override
    public void run() {
        try {
            while (running) {
                long wait = millisToNextWakeup();
                if (wait < 0) selector.select(this::onReady);
                else if (wait == 0) selector.selectNow(this::onReady);
                else selector.select(this::onReady, wait);
                runCalls();
                runDueWakeups();
                writePendingLog();
            }
        } catch (IOException | RuntimeException e) {
            log.line("the proxy stopped on an error: " + e);
        } finally {
            shutDown();
        }
    }

    /** Runs {@code change} on the proxy's thread and returns its result once it has run. */
    <T> T call(Callable<T> change) throws Exception {
        if (!running) throw new IllegalStateException("the link has stopped");
        FutureTask<T> task = new FutureTask<>(change);
        calls.add(task);
        selector.wakeup();
        try {
            return task.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (CancellationException e) {
            throw new IllegalStateException("the link has stopped");
        } catch (TimeoutException e) {
            throw new IllegalStateException("the proxy did not answer within " + CALL_TIMEOUT_SECONDS + " s");
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    /** Puts a fault in force on every open connection and every new one. Runs on the proxy's thread. */
    Applied impose(Impairment impairment) {
        Applied fault = new Applied(impairment);
        List<Applied> next = new ArrayList<>(faults);
        next.add(fault);
        faults = List.copyOf(next);
        reconsiderAll();
        pendingLog.add("fault in force: " + impairment + "; it selected " + fault.selected() + " of " + fault.met() + " open connections");
        return fault;
    }

    /** Heals a fault: open connections carry on without it (those it reset or closed stay gone). */
    void lift(Applied fault) {
        List<Applied> next = new ArrayList<>(faults);
        next.remove(fault);
        faults = List.copyOf(next);
        reconsiderAll();
        pendingLog.add("fault healed: " + fault.impairment());
    }

    private void reconsiderAll() {
        long now = System.nanoTime();
        for (Connection connection : List.copyOf(connections)) connection.consider(faults, now);
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() instanceof Connection connection) connection.onReady(key, System.nanoTime());
        else if (key.isValid() && key.isAcceptable()) acceptAll();
    }

    private void acceptAll() {
        try {
            SocketChannel client;
            while ((client = listener.accept()) != null) {
                accepted++;
                take(client);
            }
        } catch (IOException e) {
            log.line("accept failed: " + e.getMessage());
        }
    }

    /** Puts the link's faults on a new client connection, then connects it to the upstream unless a fault reset it. */
    private void take(SocketChannel client) throws IOException {
        SocketChannel server = SocketChannel.open();
        Connection connection;
        try {
            connection = new Connection(this, client, server);
        } catch (IOException e) {
            client.close();
            server.close();
            log.line("could not take a connection: " + e.getMessage());
            return;
        }
        connections.add(connection);
        open++;
        long now = System.nanoTime();
        connection.consider(faults, now);
        connection.connect(now);
    }

    private void runCalls() {
        FutureTask<?> task;
        while ((task = calls.poll()) != null) task.run();
    }

    private void writePendingLog() {
        if (pendingLog.isEmpty()) return;
        pendingLog.forEach(log::line);
        pendingLog.clear();
    }

    private long millisToNextWakeup() {
        Wakeup next = wakeups.peek();
        if (next == null) return -1;
        long nanos = next.due() - System.nanoTime();
        // Rounded up: waking a little late costs a fraction of a millisecond, waking early costs a spin.
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    private void runDueWakeups() {
        long now = System.nanoTime();
        while (!wakeups.isEmpty() && wakeups.peek().due() <= now) {
            Wakeup w = wakeups.poll();
            w.connection().onTime(w.due(), now);
        }
    }

    private void shutDown() {
        running = false; // calls from now on fail at once instead of waiting for an answer that cannot come
        writePendingLog();
        for (Connection connection : List.copyOf(connections)) connection.close(false, false);
        calls.forEach(task -> task.cancel(false));
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            log.line("closing the listener: " + e.getMessage());
        }
        log.line("stopped after " + accepted + " connections, " + bytesUpstream + " bytes upstream, "
                + bytesDownstream + " bytes downstream");
    }

    // Services for connections and flows, all on the proxy's thread.

    Selector selector() {
        return selector;
    }

    InetSocketAddress upstream() {
        return upstream;
    }

    BufferPool buffers() {
        return buffers;
    }

    SplittableRandom random() {
        return random;
    }

    void wakeAt(long due, Connection connection) {
        wakeups.add(new Wakeup(due, connection));
    }

    void forwarded(Direction direction, long bytes) {
        if (direction == Direction.UPSTREAM) bytesUpstream += bytes;
        else bytesDownstream += bytes;
    }

    void closed(Connection connection) {
        if (connections.remove(connection)) open--;
    }

    /**
     * The upstream refused (or could not take) a client's connection: the client is closed, the link goes
     * on. Every failure is a line in the link's log; the run's timeline gets the first of a streak only,
     * and {@link #upstreamConnected} closes the streak with its count (a dead upstream behind a busy link
     * would otherwise put thousands of events in the evidence).
     */
    void upstreamFailed(Connection connection, IOException error) {
        boolean refused = error instanceof ConnectException;
        String text = "client " + connection.clientAddress() + ": the upstream " + upstreamName
                + (refused ? " refused the connection" : " failed") + " (" + error.getMessage() + "); closed the client connection";
        if (failedInARow++ == 0) {
            log.event(refused ? "link-upstream-refused" : "link-upstream-failed",
                    Map.of("client", connection.clientAddress(), "upstream", upstreamName, "error", String.valueOf(error.getMessage())), text);
        } else {
            log.line(text);
        }
        connection.close(false, false);
    }

    /** An upstream connection succeeded: ends a streak of failures, saying how many connections it cost. */
    void upstreamConnected() {
        if (failedInARow == 0) return;
        log.event("link-upstream-back", Map.of("upstream", upstreamName, "failedConnections", failedInARow),
                "the upstream " + upstreamName + " takes connections again, after " + failedInARow + " failed");
        failedInARow = 0;
    }

    // Read from any thread.

    List<Applied> faults() {
        return faults;
    }

    long accepted() {
        return accepted;
    }

    int open() {
        return open;
    }

    long bytesUpstream() {
        return bytesUpstream;
    }

    long bytesDownstream() {
        return bytesDownstream;
    }
}
