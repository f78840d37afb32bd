package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.ByteRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the link faults accept, what they refuse, and how they describe themselves. */
class LinkInjectorValidationTest {
    static final ExperimentPlan PLAN = plan(LinkFixture.spec(Map.of("listen", 15432, "upstream", "127.0.0.1:5432")),
            TestRun.process("guardian", Map.of("command", "sleep 300")));

    private static ExperimentPlan plan(ResourceSpec... resources) {
        return new ExperimentPlan("test", Optional.empty(), Map.of(), List.of(resources), List.of(), List.of(),
                SloSpec.SEED_DEFAULTS, ExperimentPlan.DEFAULT_MONITOR_EVERY, List.of(), List.of());
    }

    private static FaultSpec fault(String type, List<Object> args, Map<String, Object> options) {
        return new FaultSpec(type, args, options, SourceRef.UNKNOWN);
    }

    private static List<String> problems(Injector injector, Object target, List<Object> more, Map<String, Object> options) {
        List<Object> args = new ArrayList<>();
        args.add(target);
        args.addAll(more);
        return injector.validate(fault(injector.name(), args, options), PLAN);
    }

    @Test
    void acceptsWhatTheDesignWrites() {
        assertThat(problems(new PartitionInjector(), "db", List.of(), Map.of())).isEmpty();
        assertThat(problems(new PartitionInjector(), "db", List.of(), Map.of("mode", "reset", "toxicity", Percent.of(30)))).isEmpty();
        assertThat(problems(new LatencyInjector(), "db", List.of(Duration.ofMillis(200)),
                Map.of("jitter", Duration.ofMillis(50), "direction", "upstream"))).isEmpty();
        assertThat(problems(new BandwidthInjector(), "db", List.of(new ByteRate(8000)), Map.of("toxicity", "30%"))).isEmpty();
        assertThat(problems(new BandwidthInjector(), "db", List.of("64kbps"), Map.of())).isEmpty();
        assertThat(problems(new TimeoutInjector(), "db", List.of(), Map.of("after", Duration.ofSeconds(2)))).isEmpty();
        assertThat(problems(new ResetInjector(), "db", List.of(), Map.of("direction", "downstream"))).isEmpty();
        assertThat(new PartitionInjector().category()).isEqualTo(FaultCategory.NETWORK);
    }

    @Test
    void namesUnknownLinksWithASuggestion() {
        assertThat(problems(new PartitionInjector(), "dbb", List.of(), Map.of())).containsExactly("no link 'dbb', did you mean 'db'?");
        assertThat(problems(new PartitionInjector(), "guardian", List.of(), Map.of()))
                .containsExactly("'guardian' is a process, not a link; partition works on links");
        assertThat(new TimeoutInjector().validate(fault("timeout", List.of(), Map.of()), PLAN))
                .containsExactly("timeout needs the name of a link: timeout('db') or timeout('db', after: 2.s)");
        assertThat(new PartitionInjector().validate(fault("partition", List.of("db"), Map.of()), plan()))
                .containsExactly("no link 'db'; declare it first: link 'db', listen: 0, upstream: 'host:port'");
    }

    @Test
    void refusesBadValuesWithASentence() {
        LatencyInjector latency = new LatencyInjector();
        assertThat(problems(latency, "db", List.of(Duration.ofMillis(-5)), Map.of())).containsExactly("the delay must be above zero, not -5ms");
        assertThat(problems(latency, "db", List.of(Duration.ofHours(2)), Map.of())).containsExactly(
                "the delay of 120min is too long for a link fault (at most 1min; to stop data, use timeout('db'))");
        assertThat(problems(latency, "db", List.of(Duration.ofMillis(20)), Map.of("jitter", Duration.ofMillis(30))))
                .containsExactly("jitter must not exceed the delay (data cannot arrive before it was sent)");
        assertThat(problems(latency, "db", List.of(), Map.of()))
                .containsExactly("latency takes the link and 1 more: latency('db', 200.ms, jitter: 50.ms)");
        assertThat(problems(new BandwidthInjector(), "db", List.of(0), Map.of()))
                .containsExactly("bandwidth: a rate must be above zero, not 0.0 bytes per second");
        assertThat(problems(new BandwidthInjector(), "db", List.of("100GB/s"), Map.of()))
                .containsExactly("bandwidth must lie between 1 B/s and 10 GB/s, not 100 GB/s");
        assertThat(problems(new PartitionInjector(), "db", List.of(), Map.of("direction", "upstreem")))
                .containsExactly("direction must be 'upstream' (client to server), 'downstream' or 'both', not 'upstreem', did you mean 'upstream'?");
        assertThat(problems(new PartitionInjector(), "db", List.of(), Map.of("toxicity", Percent.of(150))))
                .containsExactly("toxicity is the share of connections affected, so it lies within 0-100 %, not 150%");
        assertThat(problems(new PartitionInjector(), "db", List.of(), Map.of("toxicity", 30)))
                .containsExactly("toxicity: write a share of the connections such as 30.percent, not 30");
        assertThat(problems(new PartitionInjector(), "db", List.of(), Map.of("mode", "drop")))
                .containsExactly("partition mode must be 'blackhole' or 'reset', not 'drop'");
        assertThat(problems(new TimeoutInjector(), "db", List.of(), Map.of("after", Duration.ZERO)))
                .containsExactly("after must be above zero, not 0ms");
        assertThat(problems(new TimeoutInjector(), "db", List.of(), Map.of("afterr", Duration.ofSeconds(1)))).singleElement()
                .asString().startsWith("unknown option 'afterr' for timeout, did you mean 'after'?");
    }

    @Test
    void describesWhatItWouldDo() {
        assertThat(new PartitionInjector().describe(fault("partition", List.of("db"), Map.of())))
                .isEqualTo("stall all data (connections stay open, new ones are accepted and hang) on link 'db'; recover heals it");
        assertThat(new LatencyInjector().describe(fault("latency", List.of("db", Duration.ofMillis(200)),
                Map.of("jitter", Duration.ofMillis(50), "direction", "upstream", "toxicity", Percent.of(30)))))
                .isEqualTo("delay all data by 200ms ± 50ms from client to server on 30% of the connections (chosen at random) "
                        + "on link 'db'; recover heals it");
        assertThat(new BandwidthInjector().describe(fault("bandwidth", List.of("db", "64kbps"), Map.of("direction", "downstream"))))
                .isEqualTo("limit each connection to 8 KB/s from server to client on link 'db'; recover heals it");
        assertThat(new TimeoutInjector().describe(fault("timeout", List.of("db"), Map.of("after", Duration.ofSeconds(2)))))
                .isEqualTo("stall all data, then close the connections 2s later on link 'db'; recover heals it");
        assertThat(new ResetInjector().describe(fault("reset", List.of("db"), Map.of())))
                .isEqualTo("reset every connection (RST), new ones as soon as they connect on link 'db'; recover heals it");
    }

    @Test
    void replayHasNothingToUndo(@TempDir Path dir) throws Exception {
        try (Upstream upstream = Upstream.echo(); LinkFixture fixture = LinkFixture.to(upstream.address(), dir)) {
            UndoRecord undo = fixture.inject("partition", Map.of()).undoRecord();
            assertThat(undo).isEqualTo(UndoRecord.nothing("the proxy heals when the engine stops"));
            assertThat(fixture.link.undoRecord().action()).isEqualTo("none");
        }
    }
}
