package dev.shakedown.stdlib.testing;

import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Compiles a script text with the real DSL and every library on the test class path. */
public final class TestScripts {
    private TestScripts() {}

    /** Writes {@code script} to {@code file} first, so errors point at its lines. */
    public static ExperimentPlan compile(Path file, String script) throws IOException, ScriptErrors {
        Files.writeString(file, script);
        ClassLoader loader = TestScripts.class.getClassLoader();
        return new ScriptCompiler(new Registry(loader), loader).compile(file, Map.of());
    }
}
