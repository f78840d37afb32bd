package dev.shakedown.bench;

import dev.shakedown.dsl.ScriptCompiler;
import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.spi.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compile time of the hostile-script corpus (every script a mistake that must end as a located error): one
 * cold pass in this new JVM, in file order, then ROUNDS warm passes; per script median, p99 and max, and the
 * total of a pass. The scripts whose mistake is an endless loop end at the build timeout (set to 500 ms here),
 * so they are counted apart: their time is the timeout's, not the compiler's.
 *
 * <p>Usage: CorpusCompileBench CORPUS_DIR ROUNDS
 */
public final class CorpusCompileBench {
    private static final Duration BUILD_TIMEOUT = Duration.ofMillis(500);

    public static void main(String[] args) throws Exception {
        List<Path> corpus;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            corpus = files.filter(f -> f.toString().endsWith(".chaos.groovy")).sorted().toList();
        }
        int rounds = Integer.parseInt(args[1]);
        long coldStart = System.nanoTime();
        ScriptCompiler compiler = new ScriptCompiler(Registry.fromClasspath(), CorpusCompileBench.class.getClassLoader(), BUILD_TIMEOUT);
        double setupMs = (System.nanoTime() - coldStart) / 1e6;
        Map<Path, Boolean> timesOut = new LinkedHashMap<>();
        List<Double> cold = pass(compiler, corpus, timesOut);
        List<Double> warm = new ArrayList<>();
        List<Double> warmTotals = new ArrayList<>();
        List<Double> warmLocatedTotals = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Double> times = pass(compiler, corpus, timesOut);
            warm.addAll(times);
            warmTotals.add(sum(times));
            warmLocatedTotals.add(sum(located(times, corpus, timesOut)));
        }
        long endless = timesOut.values().stream().filter(b -> b).count();
        System.out.printf("corpus: %d scripts, %d of them endless loops that end at the %d ms build timeout (counted apart)%n",
                corpus.size(), endless, BUILD_TIMEOUT.toMillis());
        System.out.printf("cold pass (a new JVM; compiler setup %.0f ms): first script %.0f ms; pass total %.0f ms, %.0f ms without the endless loops%n",
                setupMs, cold.get(0), sum(cold), sum(located(cold, corpus, timesOut)));
        System.out.printf("cold pass, per script (no endless loops): %s%n", Stats.of(located(cold, corpus, timesOut)).format("ms"));
        System.out.printf("warm (%d passes), per script (no endless loops): %s%n", rounds, Stats.of(located(warm, corpus, timesOut)).format("ms"));
        System.out.printf("warm pass total: %s; without the endless loops: %s%n", Stats.of(warmTotals).format("ms"),
                Stats.of(warmLocatedTotals).format("ms"));
    }

    /** Compiles every script once; each must fail with script errors. Records which ones end at the timeout. */
    private static List<Double> pass(ScriptCompiler compiler, List<Path> corpus, Map<Path, Boolean> timesOut) {
        List<Double> times = new ArrayList<>();
        for (Path script : corpus) {
            long t0 = System.nanoTime();
            try {
                compiler.compile(script, Map.of());
                throw new IllegalStateException(script + " compiled, but every script of the corpus is a mistake");
            } catch (ScriptErrors expected) {
                times.add((System.nanoTime() - t0) / 1e6);
                timesOut.put(script, expected.getMessage().contains("did not finish building its plan"));
            }
        }
        return times;
    }

    /** The times of the scripts that do not end at the build timeout (times are in corpus order, pass after pass). */
    private static List<Double> located(List<Double> times, List<Path> corpus, Map<Path, Boolean> timesOut) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) if (!timesOut.get(corpus.get(i % corpus.size()))) out.add(times.get(i));
        return out;
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
