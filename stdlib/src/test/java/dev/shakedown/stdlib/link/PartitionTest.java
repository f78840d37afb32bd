package dev.shakedown.stdlib.link;

import static dev.shakedown.stdlib.link.LinkFixture.readFully;
import static dev.shakedown.stdlib.link.LinkFixture.roundTrip;
import static dev.shakedown.stdlib.link.LinkFixture.silent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.spi.Fault;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** partition and reset on real connections: the bytes really stop, the client really sees RST. */
class PartitionTest extends EchoLinkTest {
    /** Long enough that a byte the proxy lets through arrives (loopback takes microseconds); short enough for a test. */
    private static final int SILENCE_MILLIS = 300;

    @Test
    void aBlackholeStopsTheBytesOfAnOpenConnectionAndHealResumesThem() throws Exception {
        Socket client = fixture.connect(SILENCE_MILLIS);
        roundTrip(client, "before".getBytes());

        Fault partition = fixture.inject("partition", Map.of());
        client.getOutputStream().write('x');
        assertThat(silent(client)).as("nothing comes back while the link is cut").isTrue();
        assertThat(partition.details()).containsEntry("connectionsMet", 1).containsEntry("connectionsSelected", 1);

        fixture.heal(partition);
        client.setSoTimeout(5_000);
        assertThat(readFully(client.getInputStream(), 1)).as("the byte sent during the partition").containsExactly('x');
        roundTrip(client, "after".getBytes());
    }

    @Test
    void aNewConnectionIsAcceptedAndHangsUntilHealed() throws Exception {
        Fault partition = fixture.inject("partition", Map.of("mode", "blackhole"));
        Socket client = fixture.connect(SILENCE_MILLIS);
        client.getOutputStream().write("hello".getBytes());
        assertThat(silent(client)).isTrue();

        fixture.heal(partition);
        client.setSoTimeout(5_000);
        assertThat(readFully(client.getInputStream(), 5)).isEqualTo("hello".getBytes());
    }

    @Test
    void resetModeResetsOpenConnectionsAndNewOnes() throws Exception {
        Socket open = fixture.connect();
        roundTrip(open, "before".getBytes());

        Fault reset = fixture.inject("partition", Map.of("mode", "reset"));
        assertThatThrownBy(() -> open.getInputStream().read()).isInstanceOf(SocketException.class).hasMessage("Connection reset");

        Socket arriving = fixture.connect();
        assertThatThrownBy(() -> arriving.getInputStream().read()).isInstanceOf(SocketException.class).hasMessage("Connection reset");

        fixture.heal(reset);
        roundTrip(fixture.connect(), "after".getBytes());
    }

    @Test
    void resetIsAFaultOfItsOwnAndItsDirectionChoosesWhoGetsTheRst() throws Exception {
        Upstream handing = Upstream.handing();
        try (handing; LinkFixture toHanding = LinkFixture.to(handing.address(), dir.resolve("handing"))) {
            Socket client = toHanding.connect();
            Socket server = handing.nextAccepted();
            server.setSoTimeout(5_000);

            toHanding.inject("reset", List.of(), Map.of("direction", "upstream"));

            assertThatThrownBy(() -> server.getInputStream().read()).as("the server gets the RST")
                    .isInstanceOf(SocketException.class).hasMessage("Connection reset");
            assertThat(client.getInputStream().read()).as("the client gets an orderly close").isEqualTo(-1);
        }
    }
}
