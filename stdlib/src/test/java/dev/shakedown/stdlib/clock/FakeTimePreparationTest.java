package dev.shakedown.stdlib.clock;

import static dev.shakedown.stdlib.clock.ClockPlans.clockSkew;
import static dev.shakedown.stdlib.clock.ClockPlans.plan;
import static dev.shakedown.stdlib.testing.TestRun.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a launch gets from the preparation: everything for a skewed process, nothing for any other. */
class FakeTimePreparationTest {
    static final Path LIBRARY = Path.of("/opt/faketime/libfaketime.so.1");

    @TempDir
    Path runDir;

    @Test
    void appendsToAnExistingPreloadAndPointsAtTheOffsetFile() {
        Map<String, String> env = new HashMap<>(Map.of("LD_PRELOAD", "/opt/other.so"));
        Path offsetFile = runDir.resolve("clock/p.offset");

        FakeTimePreparation.preload(env, LIBRARY, offsetFile);
        FakeTimePreparation.preload(env, LIBRARY, offsetFile); // a second preparation adds nothing twice

        assertThat(env).containsEntry("LD_PRELOAD", "/opt/other.so:" + LIBRARY)
                .containsEntry("FAKETIME_TIMESTAMP_FILE", offsetFile.toString())
                .containsEntry("FAKETIME_DONT_FAKE_MONOTONIC", "1")
                .containsEntry("FAKETIME_FORCE_MONOTONIC_FIX", "0")
                .containsKey("FAKETIME_CACHE_DURATION");
    }

    @Test
    void leavesAProcessNobodySkewsUntouched() throws Exception {
        ResourceSpec skewed = process("skewed", Map.of("command", List.of("sleep", "1")));
        ResourceSpec other = process("other", Map.of("command", List.of("sleep", "1")));
        try (TestRun run = new TestRun(runDir).withPlan(plan(List.of(skewed, other), clockSkew("skewed", Duration.ofSeconds(5))))) {
            Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin"));

            new FakeTimePreparation().prepare("other", null, run, env);

            assertThat(env).containsOnlyKeys("PATH");
            assertThat(runDir.resolve("clock")).doesNotExist();
        }
    }

    @Test
    void aRelaunchKeepsTheOffsetTheFileHolds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(LibFaketime.onThisMachine().library().isPresent(), "libfaketime is not installed");
        ResourceSpec skewed = process("skewed", Map.of("command", List.of("sleep", "1")));
        try (TestRun run = new TestRun(runDir).withPlan(plan(List.of(skewed), clockSkew("skewed", Duration.ofSeconds(5))))) {
            Map<String, String> env = new HashMap<>();
            new FakeTimePreparation().prepare("skewed", null, run, env);
            Path offsetFile = runDir.resolve("clock/skewed.offset");
            assertThat(offsetFile).hasContent("+0");
            assertThat(env).containsEntry("FAKETIME_TIMESTAMP_FILE", offsetFile.toString());

            OffsetFile.write(offsetFile, "+5");
            new FakeTimePreparation().prepare("skewed", null, run, new HashMap<>());

            assertThat(offsetFile).hasContent("+5");
        }
    }
}
