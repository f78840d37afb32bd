package dev.shakedown.stdlib.link;

import static dev.shakedown.stdlib.link.LinkFixture.readFully;
import static dev.shakedown.stdlib.link.LinkFixture.roundTrip;
import static dev.shakedown.stdlib.link.LinkFixture.silent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.spi.Fault;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * timeout: data stops; with after:, the stalled connections are closed that long after they stalled.
 * A close never comes early; how late it may come is judged on the median of several, because a single
 * sample on a loaded machine measures the scheduler as much as the link.
 */
class TimeoutTest extends EchoLinkTest {
    private static final Duration AFTER = Duration.ofMillis(400);
    private static final int TRIALS = 5;

    @Test
    void anOpenConnectionStallsAndIsClosedAfterTheDelay() throws Exception {
        double[] closedAfter = new double[TRIALS];
        for (int i = 0; i < TRIALS; i++) {
            Socket client = fixture.connect();
            roundTrip(client, "before".getBytes());

            long start = System.nanoTime();
            Fault timeout = fixture.inject("timeout", Map.of("after", AFTER));
            client.getOutputStream().write("lost".getBytes());
            assertThat(client.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            closedAfter[i] = (System.nanoTime() - start) / 1e6;
            fixture.heal(timeout);
        }
        assertClosedAtTheDelay(closedAfter);
    }

    @Test
    void aNewConnectionIsClosedTheDelayAfterItArrived() throws Exception {
        fixture.inject("timeout", Map.of("after", "400ms"));

        double[] closedAfter = new double[TRIALS];
        for (int i = 0; i < TRIALS; i++) {
            long start = System.nanoTime();
            Socket client = fixture.connect();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            closedAfter[i] = (System.nanoTime() - start) / 1e6;
        }
        assertClosedAtTheDelay(closedAfter);
    }

    private static void assertClosedAtTheDelay(double[] closedAfterMillis) {
        double[] sorted = closedAfterMillis.clone();
        Arrays.sort(sorted);
        assertThat(sorted[0]).isGreaterThanOrEqualTo((double) AFTER.toMillis());
        assertThat(sorted[sorted.length / 2]).isLessThanOrEqualTo(AFTER.toMillis() * 1.1);
    }

    @Test
    void withoutAfterTheConnectionHangsAndResumesOnHeal() throws Exception {
        Socket client = fixture.connect(300);
        Fault timeout = fixture.inject("timeout", Map.of());
        client.getOutputStream().write("held".getBytes());

        assertThat(silent(client)).isTrue();

        fixture.heal(timeout);
        client.setSoTimeout(5_000);
        assertThat(readFully(client.getInputStream(), 4)).isEqualTo("held".getBytes());
    }
}
