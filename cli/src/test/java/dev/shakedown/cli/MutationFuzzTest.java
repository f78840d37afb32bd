package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.dsl.CompileOptions;
import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.dsl.ScriptError;
import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.spi.Registry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random edits of the example scripts, compiled (plan only: building starts nothing). Every mutant either
 * compiles or fails with located {@link ScriptErrors}; nothing else escapes, no message carries stack trace
 * text, nothing is printed to the console (Groovy's parser would, if let), no compile outlasts the build timeout,
 * and the whole fuzz ends within its budget (else something hangs).
 * Seeded and deterministic: the same mutants, made one after the other from the seed, are all compiled every
 * time, on every core with one shared compiler (Groovy's parser, which falls back to its slow full-context mode
 * on malformed input, is most of the cost); a failure names the seed and shows the mutant.
 */
class MutationFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 2000);
    private static final int STRICT_MUTANTS = Integer.getInteger("fuzz.strictMutants", 150);
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(2);
    /**
     * A parse has no timeout of its own: a mutant that takes this much longer than the build timeout hangs
     * somewhere (the slowest parse seen takes about 1.5 s; the margin is for a machine shared with other work).
     */
    private static final Duration HANG_MARGIN = Duration.ofSeconds(10);
    /** A guard against a hang, not the expected time (about a minute on two idle cores). */
    private static final long BUDGET_NANOS = Duration.ofSeconds(Long.getLong("fuzz.budgetSeconds", 600)).toNanos();
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

    @TempDir Path dir;

    @Test
    void mutantsOfTheExampleScriptsCompileOrFailWithLocatedMessages() throws Exception {
        fuzz(CompileOptions.DEFAULT, MUTANTS);
    }

    /**
     * The same with the type checker and the restricted mode's guard rail, which see every mutant that gets
     * past the parser: they too report located mistakes and never crash. Fewer mutants: each compiles twice.
     */
    @Test
    void strictAndRestrictedMutantsCompileOrFailWithLocatedMessages() throws Exception {
        fuzz(new CompileOptions(true, true), STRICT_MUTANTS);
    }

    private void fuzz(CompileOptions options, int count) throws Exception {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Cli.SCRIPTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".chaos.groovy")).sorted().toList()) sources.add(Files.readString(f));
        }
        assertThat(sources).isNotEmpty();
        Random random = new Random(SEED);
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String mutant = sources.get(random.nextInt(sources.size()));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) mutant = mutate(mutant, random);
            mutants.add(mutant);
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        String summary;
        try {
            summary = compileAll(options, mutants);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        System.out.println(summary);
        assertThat(console.toString(StandardCharsets.UTF_8)).as("printed to the console while compiling").isEmpty();
    }

    /** Compiles every mutant and checks how each one ended; returns how many compiled, how fast. */
    private String compileAll(CompileOptions options, List<String> mutants) throws Exception {
        ScriptCompiler compiler = new ScriptCompiler(Registry.fromClasspath(), Thread.currentThread().getContextClassLoader(), BUILD_TIMEOUT);
        // The first compile in a JVM loads Groovy (seconds); it is not a mutant's time.
        compiler.compile(Cli.SCRIPTS.resolve("guardian-crash.chaos.groovy"), Map.of(), options);
        Map<Integer, String> problems = new ConcurrentSkipListMap<>();
        Set<Integer> running = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger compiled = new AtomicInteger();
        long start = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        for (int i = 0; i < mutants.size(); i++) {
            int index = i;
            pool.execute(() -> {
                if (problems.size() >= 5) return; // enough to go on; the rest would only take time
                running.add(index);
                String problem = check(compiler, options, index, mutants.get(index), compiled);
                if (problem != null) problems.put(index, problem + "\n" + mutants.get(index));
                running.remove(index);
                done.incrementAndGet();
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(BUDGET_NANOS, TimeUnit.NANOSECONDS)) {
            running.forEach(i -> problems.put(i, "mutant " + i + " never finished\n" + mutants.get(i)));
            pool.shutdownNow();
        }
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(problems.values()).as("seed %d", SEED).isEmpty();
        assertThat(done.get()).as("mutants compiled").isEqualTo(mutants.size());
        return String.format("fuzz: %d mutants (seed %d, %s) on %d threads in %d ms (%.0f per second), %d compiled",
                done.get(), SEED, options, cores, took, done.get() * 1000.0 / took, compiled.get());
    }

    /** Compiles one mutant; what is wrong with how it failed, or null. */
    private String check(ScriptCompiler compiler, CompileOptions options, int index, String mutant, AtomicInteger compiled) {
        long began = System.nanoTime();
        String problem = null;
        try {
            Path script = Files.writeString(dir.resolve("mutant-" + index + ".chaos.groovy"), mutant);
            compiler.compile(script, Map.of(), options);
            compiled.incrementAndGet();
        } catch (ScriptErrors e) {
            for (ScriptError error : e.errors()) {
                String text = error.toString();
                boolean located = error.source().line() >= 1 || WHOLE_FILE.stream().anyMatch(error.message()::startsWith);
                boolean clean = Stream.of("Exception", "\tat ", "org.codehaus", "groovy.lang").noneMatch(text::contains);
                if (!located || !clean) problem = "mutant " + index + ": " + (located ? "" : "unlocated ") + "message '" + text + "'";
            }
        } catch (IOException | RuntimeException | Error e) {
            problem = "mutant " + index + ": " + e;
        }
        long took = Duration.ofNanos(System.nanoTime() - began).toMillis();
        if (problem == null && took > BUILD_TIMEOUT.plus(HANG_MARGIN).toMillis()) problem = "mutant " + index + " took " + took + " ms";
        return problem;
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
