package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example script in scripts/ builds a valid plan: `shakedown plan` exits 0, with no side effects. */
class ExampleScriptsPlanTest {
    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(Cli.SCRIPTS)) {
            return files.filter(f -> f.toString().endsWith(".chaos.groovy")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void plans(Path script) {
        Cli.Result r = Cli.run("plan", script.toString(), "--no-color");
        assertThat(r.exitCode()).as(r.all()).isZero();
    }
}
