package dev.shakedown.stdlib.link;

import static dev.shakedown.stdlib.link.LinkFixture.readFully;
import static dev.shakedown.stdlib.link.LinkFixture.silent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.spi.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** direction: and toxicity: really choose which data and which connections a fault acts on. */
class SelectionTest {
    private static final int CONNECTIONS = 40;

    @TempDir
    Path dir;

    @Test
    void directionChoosesWhichWayTheDataStops() throws Exception {
        Upstream upstream = Upstream.handing();
        try (upstream; LinkFixture fixture = LinkFixture.to(upstream.address(), dir)) {
            Socket client = fixture.connect(300);
            Socket server = upstream.nextAccepted();
            server.setSoTimeout(300);

            Fault upstreamOnly = fixture.inject("partition", Map.of("direction", "upstream"));
            client.getOutputStream().write('u');
            server.getOutputStream().write('d');
            assertThat(silent(server)).as("client to server stops").isTrue();
            assertThat(readFully(client.getInputStream(), 1)).as("server to client flows").containsExactly('d');
            fixture.heal(upstreamOnly);
            assertThat(readFully(server.getInputStream(), 1)).containsExactly('u');

            fixture.inject("partition", Map.of("direction", "downstream"));
            client.getOutputStream().write('u');
            server.getOutputStream().write('d');
            assertThat(readFully(server.getInputStream(), 1)).as("client to server flows").containsExactly('u');
            assertThat(silent(client)).as("server to client stops").isTrue();
        }
    }

    @Test
    void toxicitySelectsAShareOfTheOpenAndTheNewConnections() throws Exception {
        try (Upstream upstream = Upstream.echo(); LinkFixture fixture = LinkFixture.to(upstream.address(), dir)) {
            List<Socket> open = connect(fixture);
            // A connect returns once the kernel has the connection; the fault meets it once the proxy has it too.
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.link.details().get("openConnections").equals(CONNECTIONS));
            Fault partition = fixture.inject("partition", Map.of("toxicity", Percent.of(50)));
            int selectedOpen = (int) partition.details().get("connectionsSelected");
            assertThat(partition.details()).containsEntry("connectionsMet", CONNECTIONS);

            assertOnlyUnselectedAnswer(open, selectedOpen);

            List<Socket> arriving = connect(fixture);
            await().atMost(Duration.ofSeconds(5)).until(() -> partition.details().get("connectionsMet").equals(2 * CONNECTIONS));
            int selectedNew = (int) partition.details().get("connectionsSelected") - selectedOpen;
            assertOnlyUnselectedAnswer(arriving, selectedNew);
        }
    }

    private static List<Socket> connect(LinkFixture fixture) throws IOException {
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) clients.add(fixture.connect());
        return clients;
    }

    /**
     * Every client sends a byte; exactly the connections the fault did not select echo it, and the others
     * stay silent. With 40 connections at 50 %, fewer than 5 or more than 35 selected would be a one in a
     * million draw: a broken selection, not bad luck.
     */
    private static void assertOnlyUnselectedAnswer(List<Socket> clients, int selected) throws IOException {
        assertThat(selected).isBetween(5, CONNECTIONS - 5);
        for (Socket client : clients) client.getOutputStream().write('?');
        await().atMost(Duration.ofSeconds(5)).until(() -> answered(clients) == CONNECTIONS - selected);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> answered(clients) == CONNECTIONS - selected);
    }

    private static long answered(List<Socket> clients) {
        return clients.stream().filter(client -> {
            try {
                return client.getInputStream().available() > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).count();
    }
}
