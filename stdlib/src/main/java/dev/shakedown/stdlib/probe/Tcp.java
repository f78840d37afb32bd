package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.DslException;
import dev.shakedown.stdlib.Options;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** What the script word {@code tcp} gives: {@code tcp.connect('127.0.0.1:5432').open}, optional {@code timeout:}. */
public final class Tcp {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    private static final Set<String> OPTIONS = Set.of("timeout");
    static final Tcp INSTANCE = new Tcp();

    private Tcp() {}

    public TcpCheck connect(Object hostPort) {
        return connect(Map.of(), hostPort);
    }

    public TcpCheck connect(Map<String, ?> options, Object hostPort) {
        Options.requireKnown(options, OPTIONS, "tcp.connect");
        String text = String.valueOf(hostPort);
        int colon = text.lastIndexOf(':');
        int port = colon > 0 ? portNumber(text.substring(colon + 1)) : 0;
        if (port < 1 || port > 65535) throw new DslException("tcp.connect needs host:port (port 1-65535), not '" + text + "'");
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        return new TcpCheck(host, port, Options.duration(options, "timeout").orElse(DEFAULT_TIMEOUT));
    }

    private static int portNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
