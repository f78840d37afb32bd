package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.dsl.CompileOptions;
import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.dsl.ScriptError;
import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.spi.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random edits of the example scripts, compiled (plan only: building starts nothing). Every mutant either
 * compiles or fails with located {@link ScriptErrors}; nothing else escapes, no message carries stack trace
 * text, and no compile outlasts the build timeout. Seeded, so a failure is reproducible: the message names
 * the seed and shows the mutant.
 */
class MutationFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 3000);
    private static final int STRICT_MUTANTS = Integer.getInteger("fuzz.strictMutants", 150);
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(2);
    private static final long BUDGET_NANOS = Duration.ofSeconds(Long.getLong("fuzz.budgetSeconds", 45)).toNanos();
    /** Mistakes about the file as a whole, which have no line of their own. */
    private static final Set<String> WHOLE_FILE = Set.of("the experiment has no scenario", "the Groovy parser failed on this script without saying where");
    private static final Pattern TOKEN = Pattern.compile("\\w+|\\s+|.", Pattern.DOTALL);
    private static final String[] WORDS = {"scenario", "inject", "kill", "recover", "hold", "expect", "within", "steadyState",
            "condition", "slo", "load", "def", "while", "for", "if", "class", "import", "include", "@Grab('a:b:1')", "return",
            "null", "true", "this", "super", "new", "throw", "sut", "links", "processes", "demoSystem()", "param('x', 1)",
            "partition", "latency", "clockSkew", "dnsFailure", "abortWhen", "schedule", "component", "->", "?.", "*.", "..", "<<"};
    private static final String[] NUMBERS = {"0", "-1", "1.5", "99999999999", "0x1F", "1e400", "2147483648", "-0.0", "1_000"};
    private static final String[] UNITS = {".s", ".ms", ".min", ".h", ".percent", ".perSecond", ".kb", ".mb", ".gb", ".kbps", ".parsecs"};
    private static final String CHARS = "{}()[]'\"$.,:;-+*/\\=<>!?@#~|&%^\n\t ";

    @Test
    void mutantsOfTheExampleScriptsCompileOrFailWithLocatedMessages() throws IOException {
        fuzz(CompileOptions.DEFAULT, MUTANTS, BUDGET_NANOS);
    }

    /**
     * The same with the type checker and the restricted mode's guard rail, which see every mutant that gets
     * past the parser: they too report located mistakes and never crash. Fewer mutants: each compiles twice.
     */
    @Test
    void strictAndRestrictedMutantsCompileOrFailWithLocatedMessages() throws IOException {
        fuzz(new CompileOptions(true, true), STRICT_MUTANTS, BUDGET_NANOS);
    }

    private static void fuzz(CompileOptions options, int mutants, long budgetNanos) throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Cli.SCRIPTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".chaos.groovy")).sorted().toList()) sources.add(Files.readString(f));
        }
        assertThat(sources).isNotEmpty();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ScriptCompiler compiler = new ScriptCompiler(Registry.fromClasspath(), loader, BUILD_TIMEOUT);
        Path dir = Files.createDirectories(Path.of("target", "fuzz"));
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        int done = 0;
        int compiled = 0;
        for (; done < mutants && System.nanoTime() - start < budgetNanos && problems.size() < 5; done++) {
            String mutant = sources.get(random.nextInt(sources.size()));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) mutant = mutate(mutant, random);
            Path script = Files.writeString(dir.resolve("mutant-" + (done % 16) + ".chaos.groovy"), mutant);
            long began = System.nanoTime();
            try {
                compiler.compile(script, Map.of(), options);
                compiled++;
            } catch (ScriptErrors e) {
                for (ScriptError error : e.errors()) {
                    String text = error.toString();
                    boolean located = error.source().line() >= 1 || WHOLE_FILE.stream().anyMatch(error.message()::startsWith);
                    boolean clean = Stream.of("Exception", "\tat ", "org.codehaus", "groovy.lang").noneMatch(text::contains);
                    if (!located || !clean) problems.add("mutant " + done + ": " + (located ? "" : "unlocated ") + "message '" + text + "'\n" + mutant);
                }
            } catch (RuntimeException | Error e) {
                problems.add("mutant " + done + ": " + e + "\n" + mutant);
            }
            long took = Duration.ofNanos(System.nanoTime() - began).toMillis();
            if (took > BUILD_TIMEOUT.toMillis() + 3_000) problems.add("mutant " + done + " took " + took + " ms\n" + mutant);
        }
        System.out.printf("fuzz %s: %d mutants (seed %d) in %d ms, %d compiled%n", options, done, SEED,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), compiled);
        assertThat(problems).as("seed %d", SEED).isEmpty();
        assertThat(done).as("mutants tried within the time budget").isGreaterThanOrEqualTo(Math.min(mutants, 200));
    }

    static String mutate(String text, Random random) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        if (tokens.isEmpty()) return text + pick(WORDS, random);
        int i = random.nextInt(tokens.size());
        switch (random.nextInt(12)) {
            case 0 -> { // delete a character
                int at = random.nextInt(Math.max(1, text.length()));
                return text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            }
            case 1 -> { // duplicate a character
                int at = random.nextInt(Math.max(1, text.length()));
                return text.isEmpty() ? text : text.substring(0, at + 1) + text.substring(at);
            }
            case 2 -> tokens.remove(i);
            case 3 -> tokens.add(i, tokens.get(i));
            case 4 -> { // swap two tokens
                int j = Math.min(tokens.size() - 1, i + 1 + random.nextInt(3));
                String t = tokens.get(i);
                tokens.set(i, tokens.get(j));
                tokens.set(j, t);
            }
            case 5 -> tokens.add(i, String.valueOf(CHARS.charAt(random.nextInt(CHARS.length()))));
            case 6 -> tokens.add(i, " " + pick(WORDS, random) + " ");
            case 7 -> tokens.add(i, pick(NUMBERS, random));
            case 8 -> tokens.add(i, pick(UNITS, random));
            case 9 -> { // truncate
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 10 -> { // swap two lines
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                return String.join("\n", lines);
            }
            default -> tokens.set(i, tokens.get(random.nextInt(tokens.size()))); // replace a token by another of the script
        }
        return String.join("", tokens);
    }

    private static String pick(String[] choices, Random random) {
        return choices[random.nextInt(choices.length)];
    }
}
