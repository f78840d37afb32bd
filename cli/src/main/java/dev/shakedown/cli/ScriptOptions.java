package dev.shakedown.cli;

import dev.shakedown.dsl.CompileOptions;
import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code run} and {@code plan} share: the script, its parameters, and how to report mistakes. */
final class ScriptOptions {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "the experiment, a .chaos.groovy file")
    Path script;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "a script parameter read by param('KEY', default); parsed by the default's type")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--strict", description = "also type-check the whole script, closures included, and report every mistake at once")
    boolean strict;

    @Option(names = "--restricted", description = "refuse imports, the JVM, processes, threads, files, the network and reflection "
            + "(a lint for shared scripts, not a security boundary)")
    boolean restricted;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Option(names = "--no-color", description = "plain output (also when NO_COLOR is set or output is not a terminal)")
    boolean noColor;

    /** Compiles and validates the script; prints every mistake as file:line:col and returns empty on error. */
    Optional<ExperimentPlan> compile(Registry registry, PrintWriter err) {
        if (!Files.isRegularFile(script)) {
            err.println(script + ": no such file" + (Files.isDirectory(script) ? " (it is a folder; give a .chaos.groovy file)" : ""));
            return Optional.empty();
        }
        try {
            return Optional.of(new ScriptCompiler(registry, Thread.currentThread().getContextClassLoader())
                    .compile(script, params, new CompileOptions(strict, restricted)));
        } catch (ScriptErrors e) {
            e.errors().forEach(err::println);
            err.println(e.errors().size() == 1 ? "1 error" : e.errors().size() + " errors");
            if (debug && e.getCause() != null) e.getCause().printStackTrace(err);
            return Optional.empty();
        }
    }
}
