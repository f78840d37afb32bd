package dev.shakedown.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The waiting and misfire logic of the scenario leases, on the in-process locks of the embedded store. */
class ScenarioGuardTest {
    private final ScenarioGuard guard = new ScenarioGuard(new LocalScenarioLocks());
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private static Firing firing(String schedule, Instant due, Misfire misfire) {
        return new Firing(Path.of("x.chaos.groovy"), List.of(), schedule, due, Instant.now(), "node-1", false, misfire);
    }

    private Optional<ScenarioGuard.Lease> lease(String component, List<String> scenarios, Firing firing) throws Exception {
        return guard.await(component, scenarios, firing, stopping::get, log::add);
    }

    private CompletableFuture<Optional<ScenarioGuard.Lease>> inBackground(String component, List<String> scenarios, Firing firing) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return lease(component, scenarios, firing);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSecondFiringOfARunningScenarioWaitsForItAndThenRuns() throws Exception {
        ScenarioGuard.Lease first = lease("shop", List.of("a", "b"), firing("every minute", Instant.now(), Misfire.SKIP)).orElseThrow();
        var second = inBackground("shop", List.of("b", "c"), firing("nightly", Instant.now(), Misfire.RUN_ONCE));

        await().atMost(Duration.ofSeconds(10)).until(() -> log.stream().anyMatch(l -> l.startsWith("waiting:")));
        assertThat(second).isNotDone();
        assertThat(String.join("\n", log)).contains("a scenario of nightly is running elsewhere (node node-1, due ")
                .contains(", every minute)");
        first.close();
        assertThat(second.get()).isPresent();
    }

    @Test
    void otherScenariosAndTheSameNameInAnotherComponentDoNotWait() throws Exception {
        ScenarioGuard.Lease held = lease("shop", List.of("a"), firing("s", Instant.now(), Misfire.SKIP)).orElseThrow();
        assertThat(lease("shop", List.of("b"), firing("t", Instant.now(), Misfire.SKIP))).isPresent();
        assertThat(lease("bank", List.of("a"), firing("u", Instant.now(), Misfire.SKIP))).isPresent();
        assertThat(log).isEmpty();
        held.close();
    }

    @Test
    void aFiringThatWaitedPastTheMisfireThresholdIsSkippedUnderSkipAndRunsUnderRunOnce() throws Exception {
        Instant longAgo = Instant.now().minusMillis(JobStore.MISFIRE_THRESHOLD_MS + 1_000);
        ScenarioGuard.Lease first = lease("shop", List.of("a"), firing("s", Instant.now(), Misfire.SKIP)).orElseThrow();
        var skipped = inBackground("shop", List.of("a"), firing("late-skip", longAgo, Misfire.SKIP));
        var runOnce = inBackground("shop", List.of("a"), firing("late-run-once", longAgo, Misfire.RUN_ONCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> log.stream().filter(l -> l.startsWith("waiting:")).count() == 2);

        first.close();
        // Whichever asks first: the skipped firing lets go at once, and the runOnce one runs.
        runOnce.get().orElseThrow().close();
        assertThat(skipped.get()).isEmpty();
        assertThat(String.join("\n", log)).contains("skipped late-skip, due " + longAgo + ": its scenarios of 'shop' were running")
                .contains("(misfire skip)");
    }

    @Test
    void aLateFiringThatDidNotHaveToWaitRuns() throws Exception {
        // A recovered firing is due at the dead node's time: lateness alone does not skip it.
        Instant longAgo = Instant.now().minusSeconds(600);
        assertThat(lease("shop", List.of("a"), firing("recovered", longAgo, Misfire.SKIP))).isPresent();
    }

    @Test
    void aWaitingFiringGivesUpWhenTheSchedulerStops() throws Exception {
        lease("shop", List.of("a"), firing("s", Instant.now(), Misfire.SKIP)).orElseThrow();
        var waiting = inBackground("shop", List.of("a"), firing("t", Instant.now(), Misfire.RUN_ONCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> !log.isEmpty());
        stopping.set(true);
        assertThat(waiting.get()).isEmpty();
    }

    @Test
    void keysDependOnComponentAndNameOnly() {
        assertThat(ScenarioGuard.key("shop", "a")).isEqualTo(ScenarioGuard.key("shop", "a"))
                .isNotEqualTo(ScenarioGuard.key("shop", "b")).isNotEqualTo(ScenarioGuard.key("sho", "pa"));
    }
}
