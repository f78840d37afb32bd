package dev.shakedown.stdlib.link;

import static dev.shakedown.stdlib.link.LinkFixture.readFully;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shakedown.stdlib.FreePorts;
import dev.shakedown.stdlib.testing.TestRun;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link without faults: a faithful TCP relay on real loopback sockets. */
class LinkProxyTest {
    @TempDir
    Path dir;

    @Test
    void carriesDataBothWaysAndCountsIt() throws Exception {
        try (Upstream upstream = Upstream.echo(); LinkFixture fixture = LinkFixture.to(upstream.address(), dir)) {
            byte[] data = new byte[4 << 20];
            new Random(42).nextBytes(data);
            Socket client = fixture.connect();
            // Written from another thread: the echo comes back while we still write, as in any real exchange.
            Thread writer = new Thread(() -> {
                try {
                    client.getOutputStream().write(data);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            byte[] echoed = readFully(client.getInputStream(), data.length);
            writer.join();

            assertThat(echoed).isEqualTo(data);
            Map<String, Object> details = fixture.link.details();
            assertThat(details).containsEntry("upstream", upstream.address()).containsEntry("openConnections", 1)
                    .containsEntry("bytesUpstream", (long) data.length).containsEntry("bytesDownstream", (long) data.length)
                    .containsEntry("listen", "127.0.0.1:" + fixture.link.port());
        }
    }

    @Test
    void passesHalfClosesOnAndForgetsClosedConnections() throws Exception {
        try (Upstream upstream = Upstream.echo(); LinkFixture fixture = LinkFixture.to(upstream.address(), dir)) {
            Socket client = fixture.connect();
            client.getOutputStream().write("last words".getBytes());
            client.shutdownOutput();

            // The echo server sees the end, answers, and closes: the client reads it all, then the end.
            assertThat(new String(client.getInputStream().readAllBytes())).isEqualTo("last words");
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.link.details().get("openConnections").equals(0));
            assertThat(fixture.link.details()).containsEntry("acceptedConnections", 1L);
        }
    }

    @Test
    void aListenPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); TestRun run = new TestRun(dir)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> run.start(LinkFixture.spec(Map.of("listen", port, "upstream", "127.0.0.1:9"))))
                    .isInstanceOf(BindException.class)
                    .hasMessage("link 'db' cannot listen on 127.0.0.1:" + port + ": port " + port + " is already in use");
        }
    }

    @Test
    void anUpstreamThatRefusesClosesTheClientAndIsLoggedUntilItIsBack() throws Exception {
        int upstreamPort = FreePorts.pick();
        try (LinkFixture fixture = LinkFixture.to("127.0.0.1:" + upstreamPort, dir)) {
            Socket refused = fixture.connect();

            assertThat(refused.getInputStream().read()).as("the client connection is closed").isEqualTo(-1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.run.events("link-upstream-refused").isEmpty());
            assertThat(fixture.run.events("link-upstream-refused").get(0).data())
                    .containsEntry("link", "db").containsEntry("upstream", "127.0.0.1:" + upstreamPort)
                    .containsEntry("client", "127.0.0.1:" + refused.getLocalPort());
            assertThat(Files.readString(dir.resolve("logs/link-db.log")))
                    .contains("client 127.0.0.1:" + refused.getLocalPort() + ": the upstream 127.0.0.1:" + upstreamPort
                            + " refused the connection (Connection refused); closed the client connection");

            Socket refusedAgain = fixture.connect();
            assertThat(refusedAgain.getInputStream().read()).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(dir.resolve("logs/link-db.log"))
                    .contains("client 127.0.0.1:" + refusedAgain.getLocalPort() + ":"));
            assertThat(fixture.run.events("link-upstream-refused")).as("one timeline event per streak").hasSize(1);

            try (Upstream back = Upstream.echo(upstreamPort)) {
                Socket client = fixture.connect();
                OutputStream out = client.getOutputStream();
                out.write("again".getBytes());
                assertThat(readFully(client.getInputStream(), 5)).isEqualTo("again".getBytes());
                assertThat(fixture.run.events("link-upstream-back")).singleElement()
                        .satisfies(e -> assertThat(e.data()).containsEntry("failedConnections", 2));
            }
        }
    }
}
