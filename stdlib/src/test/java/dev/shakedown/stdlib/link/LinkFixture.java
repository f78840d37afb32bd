package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.stdlib.testing.TestRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A link (named 'db' unless told otherwise) in front of an upstream, started in a test run, with clients connected through it and
 * faults injected the way the engine does (prepare, then apply). close() heals, disconnects and stops all.
 */
final class LinkFixture implements AutoCloseable {
    static final String NAME = "db";
    private static final Registry REGISTRY = Registry.fromClasspath();

    final TestRun run;
    final Link link;
    private final List<Socket> clients = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    private LinkFixture(TestRun run, Link link) {
        this.run = run;
        this.link = link;
    }

    /** A link named {@value #NAME} in front of {@code upstream}. */
    static LinkFixture to(String upstream, Path runDirectory) throws Exception {
        return named(NAME, upstream, runDirectory);
    }

    static LinkFixture named(String name, String upstream, Path runDirectory) throws Exception {
        TestRun run = new TestRun(runDirectory);
        try {
            Link link = run.start(spec(name, Map.of("listen", 0, "upstream", upstream)));
            return new LinkFixture(run, link);
        } catch (Exception e) {
            run.close();
            throw e;
        }
    }

    static ResourceSpec spec(Map<String, Object> options) {
        return spec(NAME, options);
    }

    static ResourceSpec spec(String name, Map<String, Object> options) {
        return new ResourceSpec(LinkResourceType.KIND, name, options, SourceRef.UNKNOWN);
    }

    /** A client connected through the link, reads giving up after {@code readTimeoutMillis}. */
    Socket connect(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.port());
        clients.add(socket);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    Socket connect() throws IOException {
        return connect(5_000);
    }

    /** Injects {@code type('db', args..., options)} and returns once it is in force. */
    Fault inject(String type, List<Object> args, Map<String, Object> options) throws Exception {
        List<Object> all = new ArrayList<>();
        all.add(link.name());
        all.addAll(args);
        FaultSpec spec = new FaultSpec(type, all, options, SourceRef.UNKNOWN);
        Fault fault = REGISTRY.injector(type).orElseThrow().prepare(spec, run);
        faults.add(fault);
        fault.apply();
        return fault;
    }

    Fault inject(String type, Map<String, Object> options) throws Exception {
        return inject(type, List.of(), options);
    }

    void heal(Fault fault) throws Exception {
        faults.remove(fault);
        fault.rollback();
    }

    /** One echoed round trip of {@code bytes}: writes, then reads them all back. */
    static void roundTrip(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        readFully(socket.getInputStream(), bytes.length);
    }

    static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] received = in.readNBytes(length);
        if (received.length < length) throw new IOException("end of stream after " + received.length + " of " + length + " bytes");
        return received;
    }

    /** True if nothing arrives on the socket within its read timeout. */
    static boolean silent(Socket socket) throws IOException {
        try {
            int b = socket.getInputStream().read();
            if (b < 0) throw new IOException("the connection was closed, not stalled");
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    @Override
    public void close() throws Exception {
        for (Fault fault : faults) fault.rollback();
        for (Socket client : clients) client.close();
        run.close();
    }
}
