package dev.shakedown.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConditionMonitorTest {
    /** A stalled answer (a request held up by a dead dependency) does not stop the probes that start after it. */
    @Test
    void aProbeThatHangsDoesNotHoldUpTheNextOnes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        ConditionSpec condition = new ConditionSpec("stalls", Duration.ofMillis(10), () -> {
            if (first.getAndSet(false)) {
                release.await();
                return false;
            }
            return true;
        }, SourceRef.UNKNOWN);
        try (ConditionMonitor monitor = new ConditionMonitor(condition, new Timeline())) {
            monitor.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.series().snapshot().stream().anyMatch(Observation::value));
            assertThat(release.getCount()).as("the first probe is still waiting").isEqualTo(1);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.series().snapshot().stream().anyMatch(o -> !o.value()));
        }
    }

    /** Slots keep their grid while answers are slow, but never more than a bounded number of probes wait at once. */
    @Test
    void atMostABoundedNumberOfProbesAreInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        ConditionSpec condition = new ConditionSpec("hangs", Duration.ofMillis(5), () -> {
            started.incrementAndGet();
            release.await();
            return true;
        }, SourceRef.UNKNOWN);
        try (ConditionMonitor monitor = new ConditionMonitor(condition, new Timeline())) {
            monitor.start();
            int max = ConditionMonitor.MAX_IN_FLIGHT;
            await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == max);
            // twenty more slots go by: none may start a probe while all are taken
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> started.get() == max);
            release.countDown();
        }
    }
}
