package dev.shakedown.stdlib.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.dsl.DslException;
import dev.shakedown.stdlib.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpProbeTest {
    Tcp tcp = (Tcp) new TcpWord().call(null, Map.of(), List.of());

    @Test
    void aListeningPortIsOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpCheck check = tcp.connect("127.0.0.1:" + server.getLocalPort());

            assertThat(check.isOpen()).isTrue();
            assertThat(check.getLatency()).isPositive();
        }
    }

    @Test
    void aPortNobodyListensOnIsClosed() {
        assertThat(tcp.connect("127.0.0.1:" + FreePorts.pick()).isOpen()).isFalse();
    }

    @Test
    void needsHostAndPort() {
        assertThatThrownBy(() -> tcp.connect("127.0.0.1")).isInstanceOf(DslException.class)
                .hasMessage("tcp.connect needs host:port (port 1-65535), not '127.0.0.1'");
    }
}
