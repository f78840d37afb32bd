package dev.shakedown.stdlib.link;

import static dev.shakedown.stdlib.link.LinkFixture.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** latency: the measured added delay is the setting, jitter stays in its bounds, and delays never pile up. */
class LatencyTest extends EchoLinkTest {
    private static final int ROUND_TRIPS = 50;
    private static final byte[] PING = new byte[64];

    Socket client;

    @BeforeEach
    void connect() throws Exception {
        client = fixture.connect();
        roundTrips(500); // warms up both ends, so the baseline is not a cold start's
    }

    /*
     * Timings are judged the way a loaded machine allows: nothing may ever come early (the proxy never
     * releases a chunk before its time), but a late sample only says the scheduler was busy, so upper
     * bounds are on the median or on a small share of the samples.
     */

    @Test
    void addsTheDelayInEachDirection() throws Exception {
        double base = median(roundTrips(ROUND_TRIPS));
        fixture.inject("latency", List.of(Duration.ofMillis(40)), Map.of());

        double[] rtts = roundTrips(ROUND_TRIPS);

        // 40 ms on the way there and 40 ms on the way back.
        assertThat(Arrays.stream(rtts).min().orElseThrow()).isGreaterThanOrEqualTo(80.0);
        assertThat(median(rtts) - base).isCloseTo(80.0, within(8.0));
    }

    @Test
    void jitterStaysWithinItsBounds() throws Exception {
        double base = median(roundTrips(ROUND_TRIPS));
        fixture.inject("latency", List.of("40ms"), Map.of("jitter", Duration.ofMillis(20), "direction", "upstream"));

        double[] added = Arrays.stream(roundTrips(ROUND_TRIPS)).map(rtt -> rtt - base).toArray();

        assertThat(Arrays.stream(added).min().orElseThrow()).as("never earlier than delay - jitter").isGreaterThan(20.0 - 0.5);
        assertThat(Arrays.stream(added).filter(a -> a > 60.0 + 2.0).count()).as("later than delay + jitter: only a busy scheduler's few")
                .isLessThanOrEqualTo(ROUND_TRIPS / 10);
        // Uniform in [20, 60] ms: with 50 samples, none below 38 or none above 42 would be a one in 10^12 draw.
        assertThat(Arrays.stream(added).filter(a -> a < 40.0 - 2.0).count()).as("some come early").isPositive();
        assertThat(Arrays.stream(added).filter(a -> a > 40.0 + 2.0).count()).as("some come late").isPositive();
    }

    @Test
    void delaysDoNotPileUp() throws Exception {
        fixture.inject("latency", List.of(Duration.ofMillis(100)), Map.of("direction", "upstream"));
        int messages = 20;
        long[] sent = new long[messages];
        long[] received = new long[messages];
        Thread reader = new Thread(() -> readStamped(client, received));
        reader.start();

        OutputStream out = client.getOutputStream();
        for (int i = 0; i < messages; i++) {
            sent[i] = System.nanoTime();
            out.write(i);
            LockSupport.parkNanos(5_000_000); // paces the messages so that each is a chunk of its own
        }
        reader.join(10_000);

        // Each is held 100 ms from its own arrival; piled up, the last would come 20 x 100 ms after it was sent.
        double[] delays = new double[messages];
        for (int i = 0; i < messages; i++) delays[i] = (received[i] - sent[i]) / 1e6;
        assertThat(Arrays.stream(delays).min().orElseThrow()).isGreaterThanOrEqualTo(100.0);
        assertThat(median(delays)).isLessThanOrEqualTo(110.0);
        assertThat(Arrays.stream(delays).max().orElseThrow()).isLessThan(200.0);
    }

    private static void readStamped(Socket socket, long[] received) {
        try {
            InputStream in = socket.getInputStream();
            for (int i = 0; i < received.length; i++) {
                int b = in.read();
                received[b] = System.nanoTime();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Round-trip times in milliseconds. */
    private double[] roundTrips(int count) throws IOException {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            roundTrip(client, PING);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
