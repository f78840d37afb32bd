package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mistake is {@code file:line:col: message}, all of them at once, and never a stack trace. */
class ScriptErrorsTest {
    @Test
    void threeTyposGiveThreeErrorsWithPositionsAndSuggestions() {
        List<ScriptError> errors = errors("typos", """
                condition 'healthy', { true }
                procces 'x'
                scenario 'crash' {
                    steadyState helthy
                    inject kil('guardian')
                    recover
                }
                """);
        assertThat(errors).extracting(ScriptError::toString).containsExactly(
                "target/scripts/typos.chaos.groovy:2:1: unknown word 'procces', did you mean 'process'?",
                "target/scripts/typos.chaos.groovy:4:17: unknown condition 'helthy', did you mean 'healthy'?",
                "target/scripts/typos.chaos.groovy:5:12: unknown fault 'kil', did you mean 'kill'?");
        assertThat(errors).extracting(ScriptError::message).noneMatch(m -> m.contains("Exception") || m.contains("at org.codehaus"));
    }

    @Test
    void namesInCodeTheBuildDoesNotRunAreCheckedToo() {
        assertThat(errors("probe-typo", """
                condition 'healthy', { htp.get('http://x/health').status == 200 }
                def limit = 3
                def unused() { limit }
                scenario 'x' { recover }
                """)).extracting(ScriptError::toString).containsExactly(
                "target/scripts/probe-typo.chaos.groovy:1:24: unknown word 'htp', did you mean 'http'?",
                "target/scripts/probe-typo.chaos.groovy:3:16: 'limit' is a variable of the script body, which methods cannot see;"
                        + " pass it to the method as a parameter");
    }

    @Test
    void theExceptionHasEveryErrorOnItsOwnLineAndKeepsTheCause() {
        ScriptErrors failure = catchThrowableOfType(ScriptErrors.class, () -> TestScripts.compile("cause", "component 'x'\nhold 1.s\n"));
        assertThat(failure.getMessage()).isEqualTo("target/scripts/cause.chaos.groovy:2:1: hold is only allowed inside a scenario");
        assertThat(failure.getCause()).isInstanceOf(DslException.class);

        ScriptErrors two = catchThrowableOfType(ScriptErrors.class,
                () -> TestScripts.compile("two", "frobnicate()\nkil('x')\nscenario 'x' { recover }\n"));
        assertThat(two.getMessage()).isEqualTo("""
                target/scripts/two.chaos.groovy:1:1: unknown word 'frobnicate' (not a DSL word, a fault, a library word or a method of this script)
                target/scripts/two.chaos.groovy:2:1: unknown fault 'kil', did you mean 'kill'?""");
    }

    @Test
    void syntaxErrorsArePositionedWithoutGroovysFraming() {
        assertThat(errors("syntax", "condition 'healthy', { true }\nmonitor every: 1.s)\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/syntax.chaos.groovy:2:19: Unexpected input: ')'");
        // inside a block, Groovy's parser blames the brace that opened it
        assertThat(errors("unclosed", "condition 'healthy', { true }\nscenario 'x' {\n    hold 1.s\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/unclosed.chaos.groovy:2:14: Unexpected input: '{'");
    }

    @Test
    void grabIsRejected() {
        assertThat(errors("grab", """
                @Grab('org.example:lib:1.0')
                import org.example.Lib
                condition 'healthy', { true }
                """)).extracting(ScriptError::toString).containsExactly(
                "target/scripts/grab.chaos.groovy:1:1: @Grab is not supported: scripts do not download libraries; put the jar on the classpath instead");
        assertThat(errors("grab-local", "@groovy.lang.Grab('a:b:1') def x = 1\n")).extracting(ScriptError::message)
                .containsExactly("@Grab is not supported: scripts do not download libraries; put the jar on the classpath instead");
    }

    @Test
    void aWordsMistakeIsReportedAtTheCall() {
        assertThat(errors("word", "condition 'healthy', { true }\ndef sut = demoSystem('big')\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/word.chaos.groovy:2:11: demoSystem takes no arguments");
    }

    @Test
    void wrongArgumentsToADslWordShowTheRightForm() {
        assertThat(errors("arity", "condition 'healthy', { true }\nscenario 'x'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/arity.chaos.groovy:2:1: scenario cannot take (String); write it as: scenario 'crash' { inject kill('guardian'); recover }");
        assertThat(errors("hold-unit", "condition 'healthy', { true }\nscenario 'x' {\n    hold 30\n}\n")).extracting(ScriptError::toString)
                .containsExactly("target/scripts/hold-unit.chaos.groovy:3:5: hold needs a duration, not 30; write it as: hold 30.s");
        assertThat(errors("options", "condition 'healthy', every: 1.s, evry: 2.s, { true }\n")).extracting(ScriptError::message)
                .containsExactly("condition does not take evry:, did you mean 'every'? (it takes only every:)");
    }

    @Test
    void anExpectWithoutDeadlineSaysHowToWriteIt() {
        assertThat(errors("expect", "condition 'healthy', { true }\nscenario 'x' {\n    expect healthy\n}\n"))
                .extracting(ScriptError::toString).containsExactly(
                        "target/scripts/expect.chaos.groovy:3:5: expect healthy needs a deadline; write it as: expect healthy within 30.s");
    }

    @Test
    void stepsOutsideAScenarioAreErrors() {
        assertThat(errors("outside", "condition 'healthy', { true }\ndef crash() { inject kill('g') }\ncrash()\n"))
                .extracting(ScriptError::toString).containsExactly("target/scripts/outside.chaos.groovy:2:15: inject is only allowed inside a scenario");
    }

    @Test
    void failuresOfPlainGroovyPointAtTheirLine() {
        assertThat(errors("groovy", "condition 'healthy', { true }\ndef d = 30.s\nd.frobnicate()\n")).extracting(ScriptError::toString)
                .containsExactly("target/scripts/groovy.chaos.groovy:3:3: Duration has no method frobnicate()");
        assertThat(errors("npe", "condition 'healthy', { true }\ndef m = [:]\nscenario 'x' {\n    hold m.missing.s\n}\n"))
                .singleElement().satisfies(e -> assertThat(e.source().line()).isEqualTo(4));
    }

    @Test
    void aMultiLineCallIsPlacedAtItsName() {
        List<ScriptError> errors = errors("multiline", """
                condition 'healthy', { true }
                scenario 'x' {
                    inject kill(
                        'guardian',
                        signal: null)
                }
                """);
        assertThat(errors).extracting(ScriptError::toString)
                .containsExactly("target/scripts/multiline.chaos.groovy:3:12: kill got null for signal:");
    }

    @Test
    void problemsTheValidatorFindsAreReportedWithThem() {
        assertThat(errors("validator", """
                condition 'healthy', every: 2.s, { true }
                scenario 'x' {
                    expect healthy within 1.s
                }
                schedule 'nightly', cron: '0 0 3 * * ?'
                """)).extracting(ScriptError::toString).containsExactly(
                "target/scripts/validator.chaos.groovy:3:5: condition 'healthy' is checked every 2s, so a deadline of 1s cannot be judged;"
                        + " check it more often (every: ...) or allow more time",
                "target/scripts/validator.chaos.groovy:5:1: schedule names no scenario 'nightly'");
    }

    @Test
    void unknownParamsAndBuildErrorsComeTogether() {
        assertThat(errors("together", "condition 'healthy', { true }\nscenario 'x' { recover }\n", Map.of("hold", "3s")))
                .extracting(ScriptError::toString).containsExactly(
                        "target/scripts/together.chaos.groovy: unknown parameter --param hold (the script asks for no parameters)");
    }
}
