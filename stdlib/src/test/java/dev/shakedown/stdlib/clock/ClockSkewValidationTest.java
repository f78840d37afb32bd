package dev.shakedown.stdlib.clock;

import static dev.shakedown.stdlib.clock.ClockPlans.clockSkew;
import static dev.shakedown.stdlib.clock.ClockPlans.plan;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.link.LinkResourceType;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a script author is told before anything runs, and what the engine is told when it cannot run. */
class ClockSkewValidationTest {
    static final ResourceSpec GUARDIAN = process("guardian", Map.of("command", List.of("sleep", "300")));
    static final ResourceSpec BILLING = process("billing", Map.of("match", "BillingMain"));
    static final ResourceSpec DB_LINK = new ResourceSpec(LinkResourceType.KIND, "db", Map.of("upstream", "127.0.0.1:5432"), SourceRef.UNKNOWN);
    static final ExperimentPlan PLAN = plan(List.of(GUARDIAN, BILLING, DB_LINK));

    final ClockSkewInjector injector = new ClockSkewInjector();

    @TempDir
    Path runDir;

    @Test
    void isFoundOnTheClasspathAsClockSkew() {
        assertThat(Registry.fromClasspath().injector("clockSkew")).containsInstanceOf(ClockSkewInjector.class);
        assertThat(injector.category()).isEqualTo(FaultCategory.INFRASTRUCTURE);
    }

    @Test
    void acceptsPositiveAndNegativeOffsetsOfALaunchedProcess() {
        assertThat(injector.validate(clockSkew("guardian", Duration.ofSeconds(30)), PLAN)).isEmpty();
        assertThat(injector.validate(clockSkew("guardian", Duration.ofMillis(-2500)), PLAN)).isEmpty();
        assertThat(injector.validate(clockSkew("guardian", "-5s"), PLAN)).as("a --param value arrives as text").isEmpty();
    }

    @Test
    void anUnknownTargetGetsASuggestion() {
        assertThat(injector.validate(clockSkew("guardain", Duration.ofSeconds(30)), PLAN))
                .containsExactly("no process 'guardain', did you mean 'guardian'? (declared: guardian, billing)");
    }

    @Test
    void zeroAbsurdAndSubMillisecondOffsetsAreRefused() {
        assertThat(injector.validate(clockSkew("guardian", Duration.ZERO), PLAN))
                .containsExactly("a zero offset changes nothing; give clockSkew an offset such as +30.s or -5.s");
        assertThat(injector.validate(clockSkew("guardian", Duration.ofDays(-400)), PLAN))
                .singleElement().asString().contains("-400d").contains("absurd").contains("365 days either way");
        assertThat(injector.validate(clockSkew("guardian", Duration.ofNanos(1_500_000)), PLAN))
                .singleElement().asString().contains("whole milliseconds");
    }

    @Test
    void theHostClockIsNeverTheTarget() {
        for (String target : List.of("host", "system", "localhost", "db")) {
            assertThat(injector.validate(clockSkew(target, Duration.ofSeconds(30)), PLAN)).singleElement().asString()
                    .contains("Shakedown never changes the host's clock")
                    .contains("every process on the machine, the engine's timeline and the ledger")
                    .contains("skew one launched process instead");
        }
    }

    @Test
    void aMissingOrWrongOffsetAndUnknownOptionsAreNamed() {
        assertThat(injector.validate(clockSkew(new Object[] {"guardian"}), PLAN))
                .singleElement().asString().startsWith("clockSkew('guardian') needs an offset");
        assertThat(injector.validate(clockSkew("guardian", "soon"), PLAN))
                .containsExactly("the offset of clockSkew must be a duration such as +30.s or -5.s, not 'soon'");
        assertThat(injector.validate(clockSkew(new Object[0]), PLAN))
                .singleElement().asString().startsWith("clockSkew needs the name of a process and an offset");
        FaultSpec withOption = new FaultSpec("clockSkew", List.of("guardian", Duration.ofSeconds(30)), Map.of("drift", true), SourceRef.UNKNOWN);
        assertThat(injector.validate(withOption, PLAN)).singleElement().asString().startsWith("unknown option 'drift' for clockSkew");
    }

    @Test
    void anAttachedProcessIsUnavailableBecauseOnlyALaunchCanPreloadTheLibrary() {
        assumeTrue(LibFaketime.onThisMachine().library().isPresent(), "libfaketime is not installed");

        assertThat(injector.unavailable(clockSkew("billing", Duration.ofSeconds(30)), PLAN)).contains(
                "clockSkew works on processes the run launches (libfaketime is preloaded at launch); process 'billing' "
                        + "is attached to, so its clock cannot be skewed");
        assertThat(injector.unavailable(clockSkew("guardian", Duration.ofSeconds(30)), PLAN)).isEmpty();
    }

    @Test
    void describesTheSkewItsPickupAndItsRollback() {
        assertThat(injector.describe(clockSkew("guardian", Duration.ofSeconds(30)))).isEqualTo(
                "shift the wall clock of process 'guardian' by +30s (libfaketime preloaded at launch; the process sees it "
                        + "within about 1 s; monotonic clocks untouched); rollback sets +0");
        assertThat(injector.describe(clockSkew("guardian", Duration.ofMillis(-2500)))).contains("by -2.5s");
    }

    @Test
    void aProcessLaunchedWithoutTheLibraryCannotBePrepared() throws Exception {
        // The run's plan does not skew it, so it was launched plain: there is nothing to write into.
        try (TestRun run = new TestRun(runDir)) {
            run.start(GUARDIAN);

            assertThatThrownBy(() -> injector.prepare(clockSkew("guardian", Duration.ofSeconds(30)), run))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("process 'guardian' was launched without libfaketime")
                    .hasMessageContaining(runDir.resolve("clock/guardian.offset").toString());
            assertThatThrownBy(() -> injector.prepare(clockSkew("gateway", Duration.ofSeconds(30)), run))
                    .hasMessage("process 'gateway' is not part of this run");
        }
    }

    @Test
    void theUndoRecordWritesPlusZeroIntoTheOffsetFile() throws Exception {
        assumeTrue(LibFaketime.onThisMachine().library().isPresent(), "libfaketime is not installed");
        FaultSpec spec = clockSkew("guardian", Duration.ofSeconds(30));
        try (TestRun run = new TestRun(runDir).withPlan(plan(List.of(GUARDIAN), spec))) {
            run.start(GUARDIAN);

            Fault fault = injector.prepare(spec, run);

            String file = runDir.resolve("clock/guardian.offset").toString();
            assertThat(fault.undoRecord()).isEqualTo(new UndoRecord("write-file", Map.of("path", file, "content", "+0"),
                    "write +0 into " + file));
        }
    }
}
