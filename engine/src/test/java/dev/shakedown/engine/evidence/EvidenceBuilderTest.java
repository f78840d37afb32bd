package dev.shakedown.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.IncludedFile;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.SloSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.run.ExperimentRunner;
import dev.shakedown.engine.run.RunListener;
import dev.shakedown.engine.run.RunOptions;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.run.SwitchInjector;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class EvidenceBuilderTest {
    private static final SourceRef HERE = new SourceRef("x.chaos.groovy", 3, 5);
    @TempDir Path dir;

    @Test
    void evidenceOfARealRunIsValidAgainstTheSchemaAndItsFiguresComeFromItsSeries() throws Exception {
        SwitchInjector.reset();
        var on = SwitchInjector.switchNamed("guardian-down");
        Path script = Files.writeString(dir.resolve("x.chaos.groovy"), "// script");
        ExperimentPlan plan = new ExperimentPlan("guardian", Optional.of(script), Map.of("hold", "1s"), List.of(),
                List.of(new ConditionSpec("failClosed", Duration.ofMillis(10), on::get, HERE),
                        new ConditionSpec("healthy", Duration.ofMillis(10), () -> !on.get(), HERE)),
                List.of(), SloSpec.SEED_DEFAULTS, Duration.ofMillis(100),
                List.of(new ScenarioPlan("crash", List.of(
                        new Step.SteadyState("healthy", HERE),
                        new Step.Inject(new FaultSpec("flip", List.of("guardian-down"), Map.of(), HERE), HERE),
                        new Step.ExpectWithin("failClosed", Duration.ofSeconds(1), HERE),
                        new Step.Hold(Duration.ofMillis(250), HERE),
                        new Step.Recover(HERE),
                        new Step.ExpectWithin("healthy", Duration.ofSeconds(5), HERE)), HERE)), List.of(), List.of(),
                List.of(new IncludedFile("lib/common.chaos.groovy", "0f".repeat(32))));
        Registry registry = Registry.fromClasspath();
        RunResult result = new ExperimentRunner(registry, RunOptions.defaults(dir.resolve("state")), RunListener.NONE).run(plan);

        Evidence evidence = new EvidenceBuilder(registry).build(plan, result);
        Path file = new EvidenceWriter().write(evidence, dir.resolve("artifacts"));

        assertThat(file.getFileName().toString()).isEqualTo("guardian_chaos_resilience_validation.json");
        String json = Files.readString(file);
        assertThat(EvidenceSchema.violations(json)).isEmpty();
        JsonNode root = EvidenceWriter.JSON.readTree(json);
        assertThat(root.propertyNames()).startsWith("component", "validation_timestamp", "chaos_scenarios",
                "fail_closed_behavior", "recovery_validation", "resilience_metrics", "run", "scenarios");
        JsonNode s = root.get("scenarios").get(0);
        assertThat(s.get("verdict").asString()).isEqualTo("passed");
        assertThat(s.get("score").asDouble()).isEqualTo(100.0);
        assertThat(root.get("resilience_metrics").get("chaos_tolerance").asString()).isEqualTo("excellent");
        assertThat(root.get("run").get("script").get("sha256").asString()).hasSize(64);
        assertThat(root.at("/run/script/includes/0/path").asString()).isEqualTo("lib/common.chaos.groovy");
        assertThat(root.at("/run/script/includes/0/sha256").asString()).isEqualTo("0f".repeat(32));

        // Re-derive the activation time from the raw series: the first true observation answered
        // (completed_ms) after the fault began to act.
        double injected = s.get("faults").get(0).get("apply_started_at_ms").asDouble();
        assertThat(s.get("expectations").get(0).get("anchor_at_ms").asDouble()).isEqualTo(injected);
        double firstTrue = Double.NaN;
        for (JsonNode row : s.get("series").get("conditions").get("failClosed").get("rows")) {
            if (row.get(1).asDouble() >= injected && row.get(2).asBoolean()) {
                firstTrue = row.get(1).asDouble();
                break;
            }
        }
        assertThat(s.get("fail_closed_activation_ms").asDouble()).isCloseTo(firstTrue - injected, org.assertj.core.data.Offset.offset(0.002));
        assertThat(root.get("fail_closed_behavior").get("activation_time_ms").asDouble()).isEqualTo(s.get("fail_closed_activation_ms").asDouble());
    }

    /** A scenario that could not run here leaves its family not validated, and is listed with its reason. */
    @Test
    void aSkippedScenarioCountsAgainstItsFamilyAndIsListed() throws Exception {
        SwitchInjector.reset();
        var on = SwitchInjector.switchNamed("x");
        ExperimentPlan plan = new ExperimentPlan("families", Optional.empty(), Map.of(), List.of(),
                List.of(new ConditionSpec("on", Duration.ofMillis(10), on::get, HERE)),
                List.of(), SloSpec.SEED_DEFAULTS, Duration.ofMillis(100),
                List.of(new ScenarioPlan("runs", List.of(
                                new Step.Inject(new FaultSpec("flip", List.of("x"), Map.of(), HERE), HERE),
                                new Step.ExpectWithin("on", Duration.ofSeconds(1), HERE),
                                new Step.Recover(HERE)), HERE),
                        new ScenarioPlan("cannot", List.of(
                                new Step.Inject(new FaultSpec("flip", List.of("x"), Map.of("unavailable", "needs a tool"), HERE), HERE),
                                new Step.Recover(HERE)), HERE)), List.of());
        Registry registry = Registry.fromClasspath();
        RunResult result = new ExperimentRunner(registry, RunOptions.defaults(dir.resolve("state")), RunListener.NONE).run(plan);

        Evidence evidence = new EvidenceBuilder(registry).build(plan, result);

        assertThat(evidence.chaosScenarios().scenariosExecuted()).isEqualTo(1);
        assertThat(evidence.chaosScenarios().infrastructureFaultsValidated()).isFalse();
        assertThat(evidence.chaosScenarios().guardianCrashValidated()).as("no scenario tested it").isNull();
        assertThat(evidence.chaosScenarios().skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.scenario()).isEqualTo("cannot");
            assertThat(skipped.reason()).contains("needs a tool");
        });
        assertThat(EvidenceSchema.violations(EvidenceWriter.JSON.writeValueAsString(evidence))).isEmpty();
    }
}
