package dev.shakedown.dsl;

import static dev.shakedown.dsl.TestScripts.errors;
import static dev.shakedown.dsl.TestScripts.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shakedown.engine.plan.ConditionSpec;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.IncludedFile;
import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.engine.spi.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code include}: files and classpath libraries that share conditions, functions and variables, and their mistakes. */
class IncludeTest {
    private static final String COMMON = """
            condition 'healthy', { true }
            holdFor = 3.s
            def secret = 'not shared'

            def guardianCrash(target) {
                scenario("crash $target") {
                    steadyState healthy
                    inject kill(target)
                    hold holdFor
                    recover
                }
            }
            """;

    @Test
    void anIncludedFileSharesItsConditionsFunctionsAndVariables() throws Exception {
        Path lib = write("inc-share/lib/common", COMMON);
        ExperimentPlan plan = TestScripts.compile("inc-share/main", """
                include 'lib/common.chaos.groovy'
                guardianCrash('guardian')
                scenario 'own' {
                    steadyState healthy
                    hold holdFor
                    recover
                }
                """);
        assertThat(plan.conditions()).extracting(ConditionSpec::name).containsExactly("healthy");
        assertThat(plan.scenarios()).extracting(ScenarioPlan::name).containsExactly("crash guardian", "own");
        List<Step> crash = plan.scenarios().get(0).steps();
        assertThat(crash).extracting(Step::describe).containsExactly("steady state: healthy", "inject kill('guardian')", "hold 3s", "recover");
        assertThat(crash.get(1).source()).hasToString("target/scripts/inc-share/lib/common.chaos.groovy:8:9");
        assertThat(plan.scenarios().get(1).steps().get(1).source()).hasToString("target/scripts/inc-share/main.chaos.groovy:5:5");
        assertThat(plan.includes()).containsExactly(new IncludedFile("target/scripts/inc-share/lib/common.chaos.groovy", sha256(lib)));
    }

    @Test
    void pathsAreRelativeToTheIncludingFileAtEveryDepth() throws Exception {
        write("inc-rel/shared/conditions", "condition 'healthy', { true }\ndef twice(d) { d * 2 }\n");
        write("inc-rel/shared/templates", """
                include 'conditions.chaos.groovy'
                def pause(name) { scenario(name) { steadyState healthy; hold twice(1.s); recover } }
                """);
        ExperimentPlan plan = TestScripts.compile("inc-rel/team/main", """
                include '../shared/templates.chaos.groovy'
                pause 'short'
                scenario 'long' { hold twice(5.s); recover }
                """);
        assertThat(plan.scenarios()).extracting(ScenarioPlan::name).containsExactly("short", "long");
        assertThat(plan.scenarios().get(1).steps().get(0)).isEqualTo(new Step.Hold(Duration.ofSeconds(10), plan.scenarios().get(1).steps().get(0).source()));
        assertThat(plan.includes()).extracting(IncludedFile::path).containsExactly(
                "target/scripts/inc-rel/shared/templates.chaos.groovy", "target/scripts/inc-rel/shared/conditions.chaos.groovy");
    }

    @Test
    void aLibraryOnTheClasspathIsIncludedByNameAndCompiledOncePerCompiler() throws Exception {
        ScriptCompiler compiler = new ScriptCompiler(new Registry(getClass().getClassLoader()), getClass().getClassLoader());
        for (String hold : List.of("2s", "4s")) {
            ExperimentPlan plan = compiler.compile(write("inc-stdlib-" + hold, """
                    include 'stdlib:testkit'
                    condition 'healthy', { true }
                    crash 'guardian'
                    """), Map.of("hold", hold));
            assertThat(plan.scenarios().get(0).steps()).extracting(Step::describe)
                    .containsExactly("steady state: healthy", "inject kill('guardian')", "hold " + hold, "recover");
            assertThat(plan.scenarios().get(0).steps().get(1).source()).hasToString("stdlib:testkit:7:9");
            assertThat(plan.includes()).extracting(IncludedFile::path).containsExactly("stdlib:testkit");
        }
    }

    @Test
    void aFileIncludedTwiceIsCompiledAndRunOnce() throws Exception {
        write("inc-diamond/base", "condition 'healthy', { true }\n");
        write("inc-diamond/a", "include 'base.chaos.groovy'\ndef a() { 'a' }\n");
        write("inc-diamond/b", "include './base.chaos.groovy'\ndef b() { 'b' }\n");
        ExperimentPlan plan = TestScripts.compile("inc-diamond/main", """
                include 'a.chaos.groovy'
                include 'b.chaos.groovy'
                include 'a.chaos.groovy'
                scenario "${a()}${b()}" { steadyState healthy; recover }
                """);
        assertThat(plan.conditions()).extracting(ConditionSpec::name).containsExactly("healthy");
        assertThat(plan.scenarios()).extracting(ScenarioPlan::name).containsExactly("ab");
        assertThat(plan.includes()).extracting(IncludedFile::path).containsExactly(
                "target/scripts/inc-diamond/a.chaos.groovy", "target/scripts/inc-diamond/base.chaos.groovy", "target/scripts/inc-diamond/b.chaos.groovy");
    }

    @Test
    void aMissingFileIsReportedAtTheIncludeWithWhereItWasLookedForAndACloseName() {
        write("inc-missing/lib/common", COMMON);
        assertThat(errors("inc-missing/main", "component 'x'\ninclude 'lib/comon.chaos.groovy'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-missing/main.chaos.groovy:2:9: cannot include 'lib/comon.chaos.groovy': there is no file"
                        + " target/scripts/inc-missing/lib/comon.chaos.groovy, did you mean 'lib/common.chaos.groovy'?");
        assertThat(errors("inc-missing/stdlib", "include 'stdlib:testkt'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-missing/stdlib.chaos.groovy:1:9: there is no library 'stdlib:testkt' on the classpath, did you mean 'stdlib:testkit'?");
        assertThat(errors("inc-missing/far", "include 'stdlib:nothing-like-it'\n")).extracting(ScriptError::message).containsExactly(
                "there is no library 'stdlib:nothing-like-it' on the classpath (the classpath has stdlib:includes-a-file, stdlib:testkit)");
        assertThat(errors("inc-missing/library-file", "include 'stdlib:includes-a-file'\n")).extracting(ScriptError::toString).containsExactly(
                "stdlib:includes-a-file:2:9: stdlib:includes-a-file is a library on the classpath: it can include other libraries"
                        + " (include 'stdlib:NAME'), not the file 'testkit.chaos.groovy' (included from target/scripts/inc-missing/library-file.chaos.groovy:1)");
    }

    @Test
    void aCycleIsReportedAtTheIncludeThatClosesItWithTheChain() {
        write("inc-cycle/b", "include 'a.chaos.groovy'\n");
        assertThat(errors("inc-cycle/a", "include 'b.chaos.groovy'\nscenario 'x' { recover }\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-cycle/b.chaos.groovy:1:9: include cycle: target/scripts/inc-cycle/a.chaos.groovy includes"
                        + " target/scripts/inc-cycle/b.chaos.groovy includes target/scripts/inc-cycle/a.chaos.groovy"
                        + " (included from target/scripts/inc-cycle/a.chaos.groovy:1)");
        assertThat(errors("inc-cycle/self", "include 'self.chaos.groovy'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-cycle/self.chaos.groovy:1:9: include cycle: target/scripts/inc-cycle/self.chaos.groovy includes itself");
    }

    @Test
    void mistakesInsideAnIncludedFileKeepTheirOwnPositionAndSayWhereItWasIncluded() {
        write("inc-errors/lib/typo", "def crash(t) {\n    scenario('crash') { inject kil(t); recover }\n}\n");
        write("inc-errors/lib/outside", "condition 'healthy', { true }\nhold 1.s\n");
        write("inc-errors/lib/invalid", "def check() {\n    scenario('check') { steadyState helthy; recover }\n}\n");
        write("inc-errors/lib/middle", "\ninclude 'typo.chaos.groovy'\n");
        assertThat(errors("inc-errors/compile", "include 'lib/middle.chaos.groovy'\ncrash 'x'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-errors/lib/typo.chaos.groovy:2:32: unknown fault 'kil', did you mean 'kill'?"
                        + " (included from target/scripts/inc-errors/lib/middle.chaos.groovy:2, included from target/scripts/inc-errors/compile.chaos.groovy:1)");
        assertThat(errors("inc-errors/build", "include 'lib/outside.chaos.groovy'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-errors/lib/outside.chaos.groovy:2:1: hold is only allowed inside a scenario"
                        + " (included from target/scripts/inc-errors/build.chaos.groovy:1)");
        write("inc-errors/lib/pause", "def pause(d) {\n    scenario('pause') { hold d; recover }\n}\n");
        assertThat(errors("inc-errors/argument", "include 'lib/pause.chaos.groovy'\npause 5\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-errors/lib/pause.chaos.groovy:2:25: hold needs a duration, not 5; write it as: hold 30.s"
                        + " (called from target/scripts/inc-errors/argument.chaos.groovy:2:1)"
                        + " (included from target/scripts/inc-errors/argument.chaos.groovy:1)");
        assertThat(errors("inc-errors/validate", "include 'lib/invalid.chaos.groovy'\ncondition 'healthy', { true }\ncheck()\n"))
                .extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-errors/lib/invalid.chaos.groovy:2:37: unknown condition 'helthy', did you mean 'healthy'?"
                        + " (called from target/scripts/inc-errors/validate.chaos.groovy:3:1) (included from target/scripts/inc-errors/validate.chaos.groovy:1)");
    }

    @Test
    void anIncludedFileThatDoesNotCompileStopsTheCompileWithoutFalseAlarmsInTheIncluder() {
        write("inc-broken/lib", "def crash(t) {\n    scenario('crash' { recover }\n}\n");
        assertThat(errors("inc-broken/main", "include 'lib.chaos.groovy'\ncrash 'x'\n")).extracting(ScriptError::toString).singleElement()
                .asString().startsWith("target/scripts/inc-broken/lib.chaos.groovy:2:").endsWith("(included from target/scripts/inc-broken/main.chaos.groovy:1)");
    }

    @Test
    void theLimitsOfAScriptHoldForIncludedFiles() throws Exception {
        Files.write(write("inc-limits/nul", ""), "condition 'a', { true }\n\0".getBytes(StandardCharsets.UTF_8));
        assertThat(errors("inc-limits/main-nul", "include 'nul.chaos.groovy'\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-limits/nul.chaos.groovy:2:1: the script contains a NUL byte: it is a binary file, not a chaos script"
                        + " (included from target/scripts/inc-limits/main-nul.chaos.groovy:1)");
        write("inc-limits/grab", "@Grab('a:b:1')\nimport a.B\n");
        assertThat(errors("inc-limits/main-grab", "include 'grab.chaos.groovy'\n")).extracting(ScriptError::message).containsExactly(
                "@Grab is not supported: scripts do not download libraries; put the jar on the classpath instead"
                        + " (included from target/scripts/inc-limits/main-grab.chaos.groovy:1)");
        write("inc-limits/loop", "condition 'a', { true }\nwhile (true) { }\n");
        ScriptCompiler quick = new ScriptCompiler(new Registry(getClass().getClassLoader()), getClass().getClassLoader(), Duration.ofMillis(300));
        ScriptErrors timedOut = catchThrowableOfType(ScriptErrors.class,
                () -> quick.compile(write("inc-limits/main-loop", "include 'loop.chaos.groovy'\n"), Map.of()));
        assertThat(timedOut.errors()).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-limits/loop.chaos.groovy:2: the script did not finish building its plan within 300ms (an endless loop?)"
                        + " (included from target/scripts/inc-limits/main-loop.chaos.groovy:1)");
    }

    @Test
    void theIncludedPathMustBeALiteralAtTheTopLevel() {
        write("inc-literal/lib", "condition 'healthy', { true }\n");
        assertThat(errors("inc-literal/gstring", "def name = 'lib'\ninclude \"${name}.chaos.groovy\"\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-literal/gstring.chaos.groovy:2:9: include needs a literal path in quotes ('lib/common.chaos.groovy'),"
                        + " not a text with ${...}: the file is found when the script compiles, before any variable has a value");
        assertThat(errors("inc-literal/variable", "def name = 'lib.chaos.groovy'\ninclude name\n")).extracting(ScriptError::message).singleElement()
                .asString().startsWith("include needs a literal path in quotes ('lib/common.chaos.groovy'), not a variable");
        assertThat(errors("inc-literal/nested", "scenario 'x' {\n    include 'lib.chaos.groovy'\n}\n")).extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-literal/nested.chaos.groovy:2:5: include stands on its own at the top level of a script,"
                        + " outside any block, method or closure: the file is included when the script compiles");
    }

    @Test
    void localVariablesOfAnIncludedFileStayInIt() {
        write("inc-local/lib/common", COMMON);
        assertThat(errors("inc-local/main", "include 'lib/common.chaos.groovy'\ncomponent secret\nguardianCrash('x')\n"))
                .extracting(ScriptError::toString).containsExactly(
                "target/scripts/inc-local/main.chaos.groovy:2:11: 'secret' is a local variable (def) of target/scripts/inc-local/lib/common.chaos.groovy,"
                        + " which the files including it cannot see; drop the def there to share it");
    }

    @Test
    void theScriptsOwnFunctionWinsOverAnIncludedOneOfTheSameName() throws Exception {
        write("inc-own/lib/common", COMMON);
        ExperimentPlan plan = TestScripts.compile("inc-own/main", """
                include 'lib/common.chaos.groovy'
                def guardianCrash(target) { scenario("mine $target") { recover } }
                guardianCrash('x')
                """);
        assertThat(plan.scenarios()).extracting(ScenarioPlan::name).containsExactly("mine x");
    }

    @Test
    void aMisspeltFunctionOfAnIncludedFileIsSuggested() {
        write("inc-suggest/lib/common", COMMON);
        assertThat(errors("inc-suggest/main", "include 'lib/common.chaos.groovy'\nguardianCrsh('x')\nguardianCrash('y')\n")).extracting(ScriptError::toString)
                .containsExactly("target/scripts/inc-suggest/main.chaos.groovy:2:1: unknown word 'guardianCrsh', did you mean 'guardianCrash'?");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
