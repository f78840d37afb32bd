package dev.shakedown.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes test scripts below target/scripts (a path relative to the working directory, as users give them) and compiles them. */
final class TestScripts {
    private static final ClassLoader LOADER = TestScripts.class.getClassLoader();
    static final ScriptCompiler COMPILER = new ScriptCompiler(new Registry(LOADER), LOADER);

    private TestScripts() {}

    static Path write(String name, String text) {
        Path script = Path.of("target", "scripts", name + ".chaos.groovy");
        try {
            Files.createDirectories(script.getParent());
            Files.writeString(script, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    static ExperimentPlan compile(String name, String text) throws ScriptErrors {
        return compile(name, text, Map.of());
    }

    static ExperimentPlan compile(String name, String text, Map<String, String> params) throws ScriptErrors {
        return COMPILER.compile(write(name, text), params);
    }

    static List<ScriptError> errors(String name, String text) {
        return errors(name, text, Map.of());
    }

    static List<ScriptError> errors(String name, String text, Map<String, String> params) {
        ScriptErrors errors = catchThrowableOfType(ScriptErrors.class, () -> compile(name, text, params));
        assertThat(errors).as("compiling %s should fail", name).isNotNull();
        return errors.errors();
    }
}
