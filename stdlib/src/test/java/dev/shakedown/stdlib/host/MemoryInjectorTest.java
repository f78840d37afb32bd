package dev.shakedown.stdlib.host;

import static dev.shakedown.stdlib.host.HostFaultSpecs.memory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.testing.ProcState;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryInjectorTest {
    private static final long GB = ByteSize.GB;

    @TempDir
    Path runDir;
    TestRun run;
    Fault fault;

    @BeforeEach
    void startRun() {
        run = new TestRun(runDir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (fault != null) fault.rollback();
        run.close();
    }

    /** Available memory once it holds still, so that what other processes do just then is not measured. */
    private static long settledAvailable() {
        long[] last = {HostAvailable.bytes()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = HostAvailable.bytes();
            boolean still = Math.abs(now - last[0]) < 16 * ByteSize.MB;
            last[0] = now;
            return still;
        });
        return last[0];
    }

    @Test
    void hostAvailableMemoryDropsByTheSizeAndComesBackAfterRollback() throws Exception {
        long before = settledAvailable();
        fault = new MemoryInjector().prepare(memory(Map.of("size", new ByteSize(GB))), run);
        fault.apply(); // returns once the helper holds it all
        long pid = (Long) fault.details().get("helperPid");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(before - HostAvailable.bytes()).isBetween((long) (0.9 * GB), (long) (1.1 * GB)));

        fault.rollback();
        fault = null;
        assertThat(ProcState.gone(pid)).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(before - HostAvailable.bytes()).isLessThan((long) (0.1 * GB)));
        assertThat(run.ledger()).singleElement().satisfies(record -> assertThat(record.undone()).isTrue());
    }

    @Test
    void fillTakesWhatBringsHostUseToTheShare() throws Exception {
        long before = settledAvailable();
        long total = HostAvailable.total();
        double share = (total - HostAvailable.reported() + 512.0 * ByteSize.MB) / total;
        fault = new MemoryInjector().prepare(memory(Map.of("fill", (100 * share) + "%")), run);
        long bytes = (Long) fault.details().get("bytes");
        assertThat(bytes).isBetween(448 * ByteSize.MB, 576 * ByteSize.MB);
        fault.apply();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(before - HostAvailable.bytes()).isBetween((long) (0.9 * bytes), (long) (1.1 * bytes)));
    }

    @Test
    void theHelperRampsAtTheAskedRate() throws Exception {
        fault = new MemoryInjector().prepare(memory(Map.of("size", new ByteSize(256 * ByteSize.MB),
                "rate", new ByteSize(256 * ByteSize.MB))), run);
        long start = System.nanoTime();
        fault.apply();
        // 256 MB at 256 MB/s: the last chunk is due after 1 s (the first comes at once, so at least 0.75 s).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(750));
    }

    @Test
    void refusesToTakeTheHostPastTheCapNamingTheNumbers() {
        MemoryBudget host = new MemoryBudget(24 * GB, 23 * GB);
        assertThatThrownBy(() -> host.bytesFor(MemoryOptions.from(Map.of("size", new ByteSize(30 * GB)))))
                .hasMessage("memory(size: 30 GB) would take host memory to 129 % (31.0 of 24.0 GB); the cap is 90 %; "
                        + "force: true to go past it");
        assertThatThrownBy(() -> host.bytesFor(MemoryOptions.from(Map.of("fill", "95%"))))
                .hasMessageContaining("would take host memory to 95 %").hasMessageContaining("the cap is 90 %");
        assertThat(host.bytesFor(MemoryOptions.from(Map.of("size", new ByteSize(GB))))).isEqualTo(GB);
    }

    @Test
    void refusesToLeaveTheEngineLessThanItsHeadroom() {
        MemoryBudget small = new MemoryBudget(GB, GB);
        assertThatThrownBy(() -> small.bytesFor(MemoryOptions.from(Map.of("size", new ByteSize(850 * ByteSize.MB)))))
                .hasMessage("memory(size: 850 MB) would leave 174 MB available, less than the 256 MB the engine keeps "
                        + "for itself; force: true to go past it");
        assertThat(small.bytesFor(MemoryOptions.from(Map.of("size", new ByteSize(850 * ByteSize.MB), "force", true))))
                .isEqualTo(850 * ByteSize.MB);
    }

    @Test
    void refusesAFillTheHostIsAlreadyPast() {
        MemoryBudget busy = new MemoryBudget(10 * GB, GB);
        assertThatThrownBy(() -> busy.bytesFor(MemoryOptions.from(Map.of("fill", "85%"))))
                .hasMessageContaining("host memory use is already 90 %").hasMessageContaining("nothing to fill");
    }

    @Test
    void prepareRefusesTheRealHostBeforeAnythingStarts() {
        long tooMuch = HostAvailable.total();
        assertThatThrownBy(() -> new MemoryInjector().prepare(memory(Map.of("size", new ByteSize(tooMuch))), run))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the cap is 90 %");
        assertThat(run.ledger()).isEmpty();
    }

    @Test
    void validatesAndDescribes() {
        MemoryInjector memory = new MemoryInjector();
        assertThat(memory.validate(memory(Map.of()), null)).singleElement().asString().contains("either size:");
        assertThat(memory.validate(memory(Map.of("size", new ByteSize(GB), "fill", "50%")), null))
                .singleElement().asString().endsWith("not both");
        assertThat(memory.validate(memory(Map.of("fil", "50%")), null)).singleElement().asString().contains("did you mean 'fill'");
        assertThat(memory.describe(memory(Map.of("size", new ByteSize(2 * GB)))))
                .isEqualTo("take 2 GB of host memory in a helper process, ramping at 1 GB/s, capped at 90 % of the host (recover frees it)");
        assertThat(memory.describe(memory(Map.of("fill", "85%", "ramp", false))))
                .startsWith("take host memory up to 85% in use in a helper process, all at once");
    }
}
