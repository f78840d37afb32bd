package dev.shakedown.stdlib.clock;

import static dev.shakedown.stdlib.clock.ClockPlans.clockSkew;
import static dev.shakedown.stdlib.clock.ClockPlans.plan;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.clock.ClockReadings.Anchor;
import dev.shakedown.stdlib.clock.ClockReadings.Reading;
import dev.shakedown.stdlib.process.LaunchedProcess;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM whose wall clock is really skewed, and really set back, while its monotonic clock is not. */
class ClockSkewTest {
    /** How far a reading may be from the expected skew: scheduling between the child's two clock reads. */
    private static final long TOLERANCE_MILLIS = 1000;
    /**
     * libfaketime re-reads the offset file at each change of the second, so every reading taken a second after
     * the write shows the new offset (a little more: the two processes' readings of the clock are not atomic).
     */
    private static final Duration PICKUP = Duration.ofMillis(1200);
    /** How late the first reading showing the offset may be: the pickup, plus a loaded machine's scheduling. */
    private static final Duration FIRST_SEEN = PICKUP.plusMillis(1300);

    @TempDir
    Path runDir;
    TestRun run;
    final ClockSkewInjector injector = new ClockSkewInjector();

    @BeforeEach
    void newRun() {
        assumeTrue(LibFaketime.onThisMachine().library().isPresent(), "libfaketime is not installed");
        run = new TestRun(runDir);
    }

    @AfterEach
    void stopEverything() {
        if (run != null) run.close();
    }

    @Test
    void aPositiveOffsetShowsInTheWallClockWithinASecondAndRollbackTakesItAway() throws Exception {
        FaultSpec spec = clockSkew("clocky", Duration.ofSeconds(30));
        LaunchedProcess clocky = launchClockPrinter(spec);
        long started = System.nanoTime();
        awaitSkew(clocky, started, 0);

        Fault fault = injector.prepare(spec, run);
        assertThat(fault.details()).containsEntry("pid", clocky.pid()).containsEntry("offset", "+30s")
                .containsEntry("offsetFile", runDir.resolve("clock/clocky.offset").toString());
        long applied = System.nanoTime();
        fault.apply();
        long written = System.nanoTime();
        assertThat(Files.readString(runDir.resolve("clock/clocky.offset")).trim()).isEqualTo("+30");

        Reading firstSkewed = awaitSkew(clocky, applied, 30_000);
        assertThat(Duration.ofNanos(firstSkewed.nanoTime() - applied)).isLessThanOrEqualTo(FIRST_SEEN);
        assertEveryReadingAfterPickupShows(clocky, written, 30_000);
        assertMonotonicClockIsTheEnginesAndRunsAtItsRate(clocky, written + PICKUP.toNanos());

        double cpuBefore = ProcCpu.seconds(clocky.pid());
        long windowStart = System.nanoTime();
        long rolledBack = System.nanoTime();
        fault.rollback();
        long restored = System.nanoTime();
        assertThat(Files.readString(runDir.resolve("clock/clocky.offset")).trim()).isEqualTo("+0");
        Reading firstRestored = awaitSkew(clocky, rolledBack, 0);
        assertThat(Duration.ofNanos(firstRestored.nanoTime() - rolledBack)).isLessThanOrEqualTo(FIRST_SEEN);
        assertEveryReadingAfterPickupShows(clocky, restored, 0);
        System.out.printf("clockSkew +30s first seen %d ms after apply, +0 %d ms after rollback%n",
                (firstSkewed.nanoTime() - applied) / 1_000_000, (firstRestored.nanoTime() - rolledBack) / 1_000_000);

        // The JVM idles between readings: libfaketime must not make it spin (FAKETIME_FORCE_MONOTONIC_FIX=0).
        await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - windowStart >= Duration.ofSeconds(2).toNanos());
        double cpuShare = (ProcCpu.seconds(clocky.pid()) - cpuBefore) / ((System.nanoTime() - windowStart) / 1e9);
        assertThat(cpuShare).as("share of a core the skewed JVM used").isLessThan(0.2);
    }

    @Test
    void aNegativeFractionalOffsetTurnsTheClockBack() throws Exception {
        FaultSpec spec = clockSkew("clocky", Duration.ofMillis(-5500));
        LaunchedProcess clocky = launchClockPrinter(spec);
        Fault fault = injector.prepare(spec, run);
        long applied = System.nanoTime();

        fault.apply();

        long written = System.nanoTime();
        assertThat(Files.readString(runDir.resolve("clock/clocky.offset")).trim()).isEqualTo("-5.5");
        awaitSkew(clocky, applied, -5_500);
        assertEveryReadingAfterPickupShows(clocky, written, -5_500);
        long rolledBack = System.nanoTime();
        fault.rollback();
        awaitSkew(clocky, rolledBack, 0);
    }

    @Test
    void aProcessRestartedWhileSkewedKeepsItsSkew() throws Exception {
        FaultSpec spec = clockSkew("clocky", Duration.ofSeconds(30));
        LaunchedProcess clocky = launchClockPrinter(spec);
        Fault fault = injector.prepare(spec, run);
        fault.apply();

        clocky.restart();
        long restarted = System.nanoTime();

        assertThat(awaitSkew(clocky, restarted, 30_000)).isNotNull();
        // From its very first reading: the offset file was kept, not reset to +0, by the relaunch.
        List<Reading> fresh = ClockReadings.of(clocky.log()).since(restarted);
        assertThat(fresh.get(0).skewMillis(Anchor.now())).isCloseTo(30_000, within(TOLERANCE_MILLIS));
        fault.rollback();
    }

    @Test
    void onlyTheSkewedProcessIsLaunchedWithLibfaketime() throws Exception {
        run.withPlan(plan(List.of(sleeper("skewed"), sleeper("bystander")), clockSkew("skewed", Duration.ofSeconds(5))));

        LaunchedProcess skewed = run.start(sleeper("skewed"));
        LaunchedProcess bystander = run.start(sleeper("bystander"));

        assertThat(environ(skewed.pid())).anyMatch(v -> v.startsWith("LD_PRELOAD=") && v.contains(LibFaketime.FILE))
                .contains("FAKETIME_TIMESTAMP_FILE=" + runDir.resolve("clock/skewed.offset"));
        assertThat(environ(bystander.pid())).noneMatch(v -> v.contains(LibFaketime.FILE))
                .noneMatch(v -> v.startsWith("FAKETIME"));
        assertThat(runDir.resolve("clock/bystander.offset")).doesNotExist();
    }

    private LaunchedProcess launchClockPrinter(FaultSpec spec) throws Exception {
        ResourceSpec resource = process("clocky", Map.of("command", ClockPrinter.command()));
        run.withPlan(plan(List.of(resource), spec));
        LaunchedProcess clocky = run.start(resource);
        assertThat(runDir.resolve("clock/clocky.offset")).hasContent("+0");
        return clocky;
    }

    private static ResourceSpec sleeper(String name) {
        return process(name, Map.of("command", List.of("sleep", "300")));
    }

    /** Waits for a reading taken after {@code since} that shows the expected skew; returns the first such. */
    private static Reading awaitSkew(LaunchedProcess clock, long since, long expectedMillis) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> firstShowing(ClockReadings.of(clock.log()).since(since), expectedMillis), Optional::isPresent).get();
    }

    private static Optional<Reading> firstShowing(List<Reading> readings, long expectedMillis) {
        Anchor engine = Anchor.now();
        return readings.stream().filter(r -> Math.abs(r.skewMillis(engine) - expectedMillis) <= TOLERANCE_MILLIS).findFirst();
    }

    /** Once libfaketime's cache has expired after the write, no reading may show the old clock. */
    private static void assertEveryReadingAfterPickupShows(LaunchedProcess clock, long written, long expectedMillis) throws Exception {
        long pickedUp = written + PICKUP.toNanos();
        await().atMost(Duration.ofSeconds(10)).until(() -> ClockReadings.of(clock.log()).since(pickedUp).size() >= 3);
        Anchor engine = Anchor.now();
        assertThat(ClockReadings.of(clock.log()).since(pickedUp))
                .allSatisfy(r -> assertThat(r.skewMillis(engine)).isCloseTo(expectedMillis, within(TOLERANCE_MILLIS)));
    }

    /**
     * The child's System.nanoTime() is on the engine's scale (not shifted) and advances as its own wall clock
     * does between readings (not sped up or slowed down): only the wall clock is offset.
     */
    private static void assertMonotonicClockIsTheEnginesAndRunsAtItsRate(LaunchedProcess clock, long since) throws Exception {
        List<Reading> readings = ClockReadings.of(clock.log()).since(since);
        Reading first = readings.get(0);
        Reading last = readings.get(readings.size() - 1);
        assertThat(last.nanoTime()).isLessThanOrEqualTo(System.nanoTime())
                .isGreaterThan(System.nanoTime() - Duration.ofSeconds(10).toNanos());
        long monotonicMillis = (last.nanoTime() - first.nanoTime()) / 1_000_000;
        assertThat(last.wallMillis() - first.wallMillis()).isCloseTo(monotonicMillis, within(50L));
    }

    private static List<String> environ(long pid) throws Exception {
        return List.of(Files.readString(Path.of("/proc", String.valueOf(pid), "environ")).split("\0"));
    }
}
