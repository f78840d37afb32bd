package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.dsl.ScriptCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code src/test/resources/hostile}: malformed and hostile scripts, each with a first line
 * {@code // what it tests | expect: LINE[:COL]: message} (or {@code expect: message} for a whole-file
 * mistake, or {@code expect: includes/FILE:LINE:COL: message} for a mistake in a file the script includes,
 * from {@code hostile/includes}, which is no case of its own). Every one must end in exit 2 with that
 * located message and without a stack trace, and nothing may reach the console besides the CLI's own output
 * (Groovy's parser prints lines of its own if let).
 */
class HostileScriptsTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "hostile").toAbsolutePath();
    private static final Pattern EXPECT = Pattern.compile("^// (.+?) \\| expect: (.+)$");
    /** A mistake located in another file: an included one, or a library on the classpath ({@code stdlib:demo:50:9}). */
    private static final Pattern IN_ANOTHER_FILE = Pattern.compile("^(includes/[\\w./-]+\\.chaos\\.groovy|stdlib:[\\w/-]+):\\d.*");
    private static String previousTimeout;

    @TempDir Path dir;

    @BeforeAll
    static void shortBuildTimeout() {
        previousTimeout = System.setProperty(ScriptCompiler.BUILD_TIMEOUT_PROPERTY, "3000");
    }

    @AfterAll
    static void restoreBuildTimeout() {
        if (previousTimeout == null) System.clearProperty(ScriptCompiler.BUILD_TIMEOUT_PROPERTY);
        else System.setProperty(ScriptCompiler.BUILD_TIMEOUT_PROPERTY, previousTimeout);
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".chaos.groovy")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastSixtyScripts() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachScriptIsExitTwoWithItsLocatedMessage(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(CORPUS.resolve(name));
        int end = 0;
        while (bytes[end] != '\n') end++;
        Matcher header = EXPECT.matcher(new String(bytes, 0, end, StandardCharsets.US_ASCII));
        assertThat(header.matches()).as("first line of %s: // what | expect: message", name).isTrue();
        String expected = header.group(2);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Cli.Result r = withConsole(console, () -> Cli.run("plan", CORPUS.resolve(name).toString()));

        assertThat(console.toString(StandardCharsets.UTF_8)).as("printed past the CLI").isEmpty();
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        if (IN_ANOTHER_FILE.matcher(expected).matches()) assertThat(r.err()).contains(expected);
        else if (Character.isDigit(expected.charAt(0))) assertThat(r.err()).contains(name + ":" + expected);
        else assertThat(r.err()).contains(name + ": " + expected);
        assertNoStackTrace(r);
    }

    @Test
    void anEmptyFileSaysItHasNoScenario() throws IOException {
        Path empty = Files.write(dir.resolve("empty.chaos.groovy"), new byte[0]);
        Cli.Result r = Cli.run("plan", empty.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("empty.chaos.groovy: the experiment has no scenario");
        assertNoStackTrace(r);
    }

    @Test
    void randomBinaryGarbageIsRefusedAsNotText() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xC3; // never valid: a lead byte followed by no continuation byte
        garbage[1] = 0x28;
        Path file = Files.write(dir.resolve("garbage.chaos.groovy"), garbage);
        Cli.Result r = Cli.run("plan", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("garbage.chaos.groovy:1:1: the script is not UTF-8 text");
        assertNoStackTrace(r);
    }

    @Test
    void aTenMegabyteScriptIsRefusedBeforeItIsCompiled() throws IOException {
        Path big = dir.resolve("huge.chaos.groovy");
        String line = "condition 'c', { true } // padding padding padding padding padding padding\n";
        StringBuilder text = new StringBuilder(10 << 20);
        while (text.length() < 10 << 20) text.append(line);
        Files.writeString(big, text);
        long start = System.nanoTime();
        Cli.Result r = Cli.run("plan", big.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("huge.chaos.groovy: the script is 10.0 MB; a chaos script may be at most 1 MB");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertNoStackTrace(r);
    }

    /** Runs {@code cli} with System.out and System.err going to {@code console}. */
    private static Cli.Result withConsole(ByteArrayOutputStream console, Supplier<Cli.Result> cli) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return cli.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static void assertNoStackTrace(Cli.Result r) {
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.codehaus")
                .doesNotContain("groovy.lang").doesNotContain("java.lang");
    }
}
