package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.compile;
import static dev.shakedown.dsl.TestScripts.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.Percent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code param(name, default)}: the default's type decides how {@code --param name=text} is read. */
class ParamsTest {
    /** Each parameter becomes the name of a scenario, so the plan shows the value and its type. */
    private static final String SCRIPT = """
            condition 'healthy', { true }
            [param('hold', 30.s),
             param('share', 5.percent),
             param('count', 3),
             param('ratio', 0.5),
             param('strict', false),
             param('target', 'guardian')].each { value ->
                scenario "${value.getClass().simpleName}=$value" { recover }
            }
            """;

    @Test
    void givenValuesAreParsedByTheTypeOfTheDefault() throws Exception {
        ExperimentPlan plan = compile("params", SCRIPT, Map.of(
                "hold", "3s", "share", "2.5%", "count", "7", "ratio", "0.25", "strict", "TRUE", "target", "billing"));
        assertThat(plan.scenarios()).extracting(s -> s.name()).containsExactly(
                "Duration=" + Duration.ofSeconds(3), "Percent=" + Percent.of(2.5), "Integer=7", "BigDecimal=0.25",
                "Boolean=true", "String=billing");
        assertThat(plan.params()).isEqualTo(Map.of(
                "hold", "3s", "share", "2.5%", "count", "7", "ratio", "0.25", "strict", "TRUE", "target", "billing"));
    }

    @Test
    void withoutValuesTheDefaultsApplyAndAreRecorded() throws Exception {
        ExperimentPlan plan = compile("params-defaults", SCRIPT);
        assertThat(plan.scenarios()).extracting(s -> s.name()).containsExactly(
                "Duration=PT30S", "Percent=5%", "Integer=3", "BigDecimal=" + new BigDecimal("0.5"), "Boolean=false", "String=guardian");
        assertThat(plan.params()).containsEntry("hold", "30s").containsEntry("share", "5%").containsEntry("target", "guardian");
    }

    @Test
    void aPercentMayOmitTheSignAndADurationMayUseAnyUnit() throws Exception {
        ExperimentPlan plan = compile("params-forms", SCRIPT, Map.of("share", "5", "hold", "2min"));
        assertThat(plan.scenarios()).extracting(s -> s.name()).startsWith("Duration=PT2M", "Percent=5%");
    }

    @Test
    void aSizeIsParsedWithBinaryUnits() throws Exception {
        ExperimentPlan plan = compile("params-size", "def size = param('size', 2.gb)\nscenario \"size=${size.bytes()}\" { recover }\n",
                Map.of("size", "512mb"));
        assertThat(plan.scenarios()).extracting(s -> s.name()).containsExactly("size=" + 512L * 1024 * 1024);
        assertThat(errors("params-bad-size", "def size = param('size', 2.gb)\nscenario 'x' { recover }\n", Map.of("size", "lots")))
                .extracting(ScriptError::message).containsExactly("--param size=lots: 'lots' is not a size (try 512mb, 2gb, 64kb)");
    }

    @Test
    void anUnparsableValueIsAnErrorAtTheParamCall() {
        assertThat(errors("params-bad", SCRIPT, Map.of("count", "many"))).extracting(ScriptError::toString).containsExactly(
                "target/scripts/params-bad.chaos.groovy:4:2: --param count=many: 'many' is not a number");
        assertThat(errors("params-bad-duration", SCRIPT, Map.of("hold", "soon"))).extracting(ScriptError::message).containsExactly(
                "--param hold=soon: 'soon' is not a duration (try 500ms, 3s, 2min)");
        assertThat(errors("params-bad-whole", SCRIPT, Map.of("count", "2.5"))).extracting(ScriptError::message).containsExactly(
                "--param count=2.5: '2.5' is not a whole number in range");
        assertThat(errors("params-bad-boolean", SCRIPT, Map.of("strict", "yes"))).extracting(ScriptError::message).containsExactly(
                "--param strict=yes: 'yes' is not true or false");
    }

    @Test
    void aParamNobodyAskedForIsAnErrorThatListsTheKnownOnes() {
        List<ScriptError> errors = errors("params-unknown", SCRIPT, Map.of("hodl", "3s"));
        assertThat(errors).extracting(ScriptError::toString).containsExactly(
                "target/scripts/params-unknown.chaos.groovy: unknown parameter --param hodl, did you mean 'hold'?"
                        + " (the script asks for: hold, share, count, ratio, strict, target)");
    }

    @Test
    void aDefaultOfAnotherTypeIsAnError() {
        assertThat(errors("params-type", "condition 'healthy', { true }\ndef when = param('when', new Date())\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/params-type.chaos.groovy:2:12:"
                        + " a parameter's default must be a duration, percent, number, boolean or string, not a Date");
    }

    @Test
    void aParamWithoutDefaultMustBeGiven() throws Exception {
        String script = "condition 'healthy', { true }\nscenario(param('name')) { recover }\n";
        assertThat(compile("params-required", script, Map.of("name", "x")).scenarios().get(0).name()).isEqualTo("x");
        assertThat(errors("params-missing", script)).extracting(ScriptError::toString).containsExactly(
                "target/scripts/params-missing.chaos.groovy:2:10: parameter 'name' has no default; pass --param name=...");
    }
}
