package dev.shakedown.stdlib.link;

import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TCP fault proxy in front of a dependency ({@code link 'db', listen: 15432, upstream: '127.0.0.1:5432'}).
 * It lives inside the engine, on one thread of its own, and dies with it: nothing outlives the run.
 * Link faults put {@link Impairment}s in force on it and heal them.
 */
public final class Link implements Resource {
    /** Room for a connection pool's worth of clients arriving at once. */
    private static final int BACKLOG = 1024;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final String name;
    private final LinkOptions options;
    private final LinkLog log;
    private volatile Proxy proxy;
    private volatile HostPort address;
    private Thread thread;

    Link(String name, LinkOptions options, RunContext run) {
        this.name = name;
        this.options = options;
        this.log = new LinkLog(name, run);
        this.address = options.listen();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() throws IOException {
        if (proxy != null) throw new IllegalStateException(this + " is already running");
        ServerSocketChannel listener = listen(name, options.listen());
        try {
            InetSocketAddress bound = (InetSocketAddress) listener.getLocalAddress();
            address = options.listen().withPort(bound.getPort());
            proxy = new Proxy(listener, options.upstream(), log);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        thread = new Thread(proxy, "link-" + name);
        thread.setDaemon(true); // the proxy dies with the engine, whatever way the engine ends
        thread.start();
        log.line("listening on " + address + ", forwarding to " + options.upstream());
    }

    /** Binds the link's listening socket; a port that something listens on is a sentence naming it. */
    static ServerSocketChannel listen(String name, HostPort at) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            // A port left in TIME_WAIT by an earlier run is free to reuse; one that something listens on is not.
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(at.resolve(), BACKLOG);
            return listener;
        } catch (BindException e) {
            listener.close();
            throw new BindException("link '" + name + "' cannot listen on " + at + ": "
                    + ("Address already in use".equals(e.getMessage()) ? "port " + at.port() + " is already in use" : e.getMessage()));
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** Puts the fault in force on every open connection and on new ones; returns once it is. */
    Proxy.Applied impose(Impairment impairment) throws Exception {
        Proxy running = running();
        return running.call(() -> running.impose(impairment));
    }

    /** Heals the fault; returns once open connections carry on without it. */
    void lift(Proxy.Applied fault) throws Exception {
        Proxy running = running();
        running.call(() -> {
            running.lift(fault);
            return null;
        });
    }

    private Proxy running() {
        Proxy running = proxy;
        if (running == null) throw new IllegalStateException(this + " has not been started");
        return running;
    }

    /** Where clients connect: {@code 127.0.0.1:PORT}, with the port the link listens on. */
    public String address() {
        return address.toString();
    }

    public int port() {
        return address.port();
    }

    public String upstream() {
        return options.upstream().toString();
    }

    @Override
    public UndoRecord undoRecord() {
        return UndoRecord.nothing("a link is a thread of the engine and stops with it");
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("listen", address());
        details.put("upstream", upstream());
        Proxy running = proxy;
        if (running != null) {
            details.put("openConnections", running.open());
            details.put("acceptedConnections", running.accepted());
            details.put("bytesUpstream", running.bytesUpstream());
            details.put("bytesDownstream", running.bytesDownstream());
            details.put("faults", running.faults().stream().map(f -> f.impairment().toString()).toList());
        }
        details.put("log", log.file().toString());
        return details;
    }

    /** Closes every connection and stops listening. Never throws. */
    @Override
    public synchronized void close() {
        Proxy running = proxy;
        if (running == null) return;
        running.stop();
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "link '" + name + "'";
    }
}
