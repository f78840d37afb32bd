package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import java.util.List;
import java.util.Map;

/** The script word {@code tcp}: {@code condition 'dbUp', { tcp.connect(links.db.address).open }}. */
public final class TcpWord implements DslWord {
    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public String summary() {
        return "TCP reachability: tcp.connect('host:port').open, .latency";
    }

    @Override
    public Class<?> resultType() {
        return Tcp.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!named.isEmpty() || !args.isEmpty()) throw new DslException("tcp takes no arguments; write tcp.connect('host:port')");
        return Tcp.INSTANCE;
    }
}
