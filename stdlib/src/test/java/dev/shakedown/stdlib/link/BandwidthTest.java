package dev.shakedown.stdlib.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bandwidth: the measured throughput over a transfer of a few seconds is the setting. */
class BandwidthTest {
    @TempDir
    Path dir;

    @Test
    void limitsTheThroughputToTheRate() throws Exception {
        Upstream upstream = Upstream.handing();
        try (upstream; LinkFixture fixture = LinkFixture.to(upstream.address(), dir)) {
            Socket client = fixture.connect();
            Socket server = upstream.nextAccepted();
            fixture.inject("bandwidth", List.of("800kbps"), Map.of("direction", "upstream")); // 100,000 bytes/s

            int total = 300_000; // three seconds at that rate
            Thread writer = new Thread(() -> {
                try {
                    client.getOutputStream().write(new byte[total]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            InputStream in = server.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int first = in.read(buffer);
            long start = System.nanoTime();
            long received = 0;
            while (first + received < total) {
                int n = in.read(buffer);
                if (n < 0) throw new AssertionError("the connection ended early");
                received += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.join();

            // Counted from the end of the first read, so the bucket's initial burst (20 ms) does not flatter it.
            assertThat(received / seconds).isCloseTo(100_000.0, within(10_000.0));
        }
    }
}
