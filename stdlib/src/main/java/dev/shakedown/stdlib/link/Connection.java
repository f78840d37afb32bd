package dev.shakedown.stdlib.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client connection and the proxy's connection to the upstream for it, with one {@link Flow} each way.
 * Which faults select it is decided once per fault, when the fault meets the connection (at the fault's
 * apply for open connections, at the connection's arrival for new ones). Confined to the proxy's thread.
 */
final class Connection {
    private static final long NO_WAKEUP = Long.MAX_VALUE;

    /** Whether a fault selected this connection, and since when it acts on it. */
    private record Decision(boolean selected, long since) {}

    private final Proxy proxy;
    private final SocketChannel client;
    private final SocketChannel server;
    private final SelectionKey clientKey;
    private final SelectionKey serverKey;
    private final Flow upstream;
    private final Flow downstream;
    private final String clientAddress;
    private final Map<Proxy.Applied, Decision> decisions = new HashMap<>();
    private boolean connected;
    private boolean closed;
    private long closeAt = NO_WAKEUP;
    private long wakeAt = NO_WAKEUP;

    Connection(Proxy proxy, SocketChannel client, SocketChannel server) throws IOException {
        this.proxy = proxy;
        this.client = client;
        this.server = server;
        InetSocketAddress peer = (InetSocketAddress) client.getRemoteAddress();
        this.clientAddress = new HostPort(peer.getAddress().getHostAddress(), peer.getPort()).toString();
        for (SocketChannel channel : List.of(client, server)) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        clientKey = client.register(proxy.selector(), 0, this);
        serverKey = server.register(proxy.selector(), 0, this);
        upstream = new Flow(Direction.UPSTREAM, client, server, proxy, this);
        downstream = new Flow(Direction.DOWNSTREAM, server, client, proxy, this);
    }

    String clientAddress() {
        return clientAddress;
    }

    /** Connects to the upstream, unless a fault has already reset the connection. */
    void connect(long now) {
        if (closed) return;
        try {
            if (server.connect(proxy.upstream())) onConnected(now);
            else serverKey.interestOps(SelectionKey.OP_CONNECT);
        } catch (IOException e) {
            proxy.upstreamFailed(this, e);
        }
    }

    private void onConnected(long now) throws IOException {
        connected = true;
        proxy.upstreamConnected();
        upstream.pump(now);
        downstream.pump(now);
        updateInterest();
    }

    void onReady(SelectionKey key, long now) {
        if (closed) return;
        int ready = key.readyOps();
        try {
            if ((ready & SelectionKey.OP_CONNECT) != 0) {
                try {
                    server.finishConnect();
                } catch (IOException e) {
                    proxy.upstreamFailed(this, e);
                    return;
                }
                onConnected(now);
            }
            if ((ready & SelectionKey.OP_READ) != 0) (key == clientKey ? upstream : downstream).onReadable(now);
            if ((ready & SelectionKey.OP_WRITE) != 0) (key == clientKey ? downstream : upstream).onWritable(now);
            afterActivity();
        } catch (IOException e) {
            abort();
        }
    }

    /** The proxy came back at a time this connection asked for: a chunk's release, a refill, a close deadline. */
    void onTime(long due, long now) {
        if (closed) return;
        if (due == wakeAt) wakeAt = NO_WAKEUP;
        if (now >= closeAt) {
            close(false, false);
            return;
        }
        try {
            upstream.pump(now);
            downstream.pump(now);
            afterActivity();
        } catch (IOException e) {
            abort();
        }
    }

    /** Asks the proxy to come back at {@code due}, unless it already comes back earlier. */
    void wakeAt(long due) {
        if (due >= wakeAt) return;
        wakeAt = due;
        proxy.wakeAt(due, this);
    }

    /**
     * Applies the link's faults as they are now: decides for faults it has not met yet whether they select
     * it, forgets faults that were healed, and sets each direction's conduct; a reset that selects it closes it.
     */
    void consider(List<Proxy.Applied> faults, long now) {
        decisions.keySet().retainAll(faults);
        List<Impairment> selecting = new ArrayList<>();
        long deadline = NO_WAKEUP;
        for (Proxy.Applied fault : faults) {
            Decision decision = decisions.computeIfAbsent(fault, f -> new Decision(f.select(proxy.random()), now));
            if (!decision.selected()) continue;
            Effect effect = fault.impairment().effect();
            if (effect instanceof Effect.Reset) {
                Direction toward = fault.impairment().direction();
                close(toward.covers(Direction.DOWNSTREAM), toward.covers(Direction.UPSTREAM));
                return;
            }
            if (effect instanceof Effect.Stall stall && stall.closeAfter().isPresent()) {
                deadline = Math.min(deadline, decision.since() + stall.closeAfter().get().toNanos());
            }
            selecting.add(fault.impairment());
        }
        closeAt = deadline;
        if (deadline != NO_WAKEUP) wakeAt(deadline);
        try {
            upstream.adopt(Conduct.of(selecting, Direction.UPSTREAM), now);
            downstream.adopt(Conduct.of(selecting, Direction.DOWNSTREAM), now);
            afterActivity();
        } catch (IOException e) {
            abort();
        }
    }

    private void afterActivity() {
        if (closed) return;
        if (upstream.finished() && downstream.finished()) close(false, false);
        else updateInterest();
    }

    private void updateInterest() {
        if (!connected) return;
        clientKey.interestOps((upstream.wantsRead() ? SelectionKey.OP_READ : 0) | (downstream.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        serverKey.interestOps((downstream.wantsRead() ? SelectionKey.OP_READ : 0) | (upstream.wantsWrite() ? SelectionKey.OP_WRITE : 0));
    }

    /** A socket failed (the peer reset it, or went away mid-write): the other side is reset too, as a direct connection would be. */
    private void abort() {
        close(true, true);
    }

    /** Closes both sides: with a reset (RST) where asked, otherwise with an orderly FIN. Never throws. */
    void close(boolean resetClient, boolean resetServer) {
        if (closed) return;
        closed = true;
        shut(client, resetClient);
        shut(server, resetServer && (connected || connectedUnseen(server)));
        proxy.closed(this);
    }

    /** The upstream may have accepted before the selector saw the connect complete: that server is owed its RST too. */
    private static boolean connectedUnseen(SocketChannel channel) {
        try {
            return channel.isConnectionPending() && channel.finishConnect();
        } catch (IOException e) {
            return false;
        }
    }

    private static void shut(SocketChannel channel, boolean reset) {
        try {
            // Linger 0 makes close() send RST instead of FIN. The selector releases the socket at its next select.
            if (reset && channel.isOpen()) channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
        } catch (IOException e) {
            // the socket is gone either way
        }
    }
}
