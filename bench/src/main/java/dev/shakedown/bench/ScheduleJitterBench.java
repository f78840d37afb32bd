package dev.shakedown.bench;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.schedule.Firing;
import dev.shakedown.schedule.FiringHistory;
import dev.shakedown.schedule.Firings;
import dev.shakedown.schedule.JobStore;
import dev.shakedown.schedule.ScheduleDaemon;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Firing jitter of {@code shakedown schedule}'s scheduler: actual start of a firing's job minus its scheduled
 * time, with 1,000 schedules registered in the default store (H2 file, Quartz JDBC job store). Two loads:
 * one schedule firing every second among 999 nightly ones (the usual case: most schedules are idle), and
 * all 1,000 firing once a minute, spread over the minute's seconds (about 17 a second). The firing itself
 * is empty, so the figure is the scheduler's alone (an experiment waits for the host's run lock anyway).
 * Registering the 1,000 takes seconds (a committed transaction each) and the scheduler starts after it, so
 * the firings due meanwhile start late all at once, or count as missed past 5 s: they are reported apart
 * and left out of the jitter, which is the lateness of the firings due once the scheduler runs.
 * Usage: ScheduleJitterBench WORKDIR SECONDS
 */
public final class ScheduleJitterBench {
    private static final int SCHEDULES = 1_000;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[1]));
        measure("1 every second + 999 nightly", work.resolve("one"), length, i -> i == 0 ? "* * * * * ?" : "0 0 3 * * ?");
        measure("1,000 each once a minute", work.resolve("all"), length, i -> (i % 60) + " * * * * ?");
    }

    private static void measure(String what, Path state, Duration length, java.util.function.IntFunction<String> cron) throws Exception {
        ConcurrentLinkedQueue<Firing> fired = new ConcurrentLinkedQueue<>();
        Firings timing = new Firings() {
            @Override
            public Optional<Evidence> run(Firing firing, FiringHistory history) {
                fired.add(firing);
                return Optional.empty();
            }

            @Override
            public void interruptRunning(String reason) {}
        };
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        Instant started;
        try (ScheduleDaemon daemon = ScheduleDaemon.open(JobStore.embedded(state), timing, new FiringHistory(state), quiet)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < SCHEDULES; i++) {
                ScheduleSpec spec = new ScheduleSpec(List.of("s"), cron.apply(i), new SourceRef("bench", i + 1, 1));
                daemon.register(state.resolve("s" + i + ".chaos.groovy"), List.of(spec));
            }
            System.out.printf("%s: registered %d schedules in %d ms%n", what, SCHEDULES, (System.nanoTime() - t0) / 1_000_000);
            daemon.start();
            started = Instant.now();
            Thread.sleep(length.toMillis());
        }
        Map<Boolean, List<Double>> lateMs = fired.stream().collect(Collectors.partitioningBy(f -> f.scheduled().isBefore(started),
                Collectors.mapping(f -> Duration.between(f.scheduled(), f.started()).toNanos() / 1e6, Collectors.toList())));
        List<Double> registering = lateMs.get(true);
        if (registering.isEmpty()) {
            System.out.println(what + ": no firing fell due while registering");
        } else {
            System.out.printf("%s: %d firings due while registering, run when the scheduler started, up to %.0f ms late"
                    + " (one due more than 5 s before it is missed instead)%n",
                    what, registering.size(), registering.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
        }
        System.out.println(what + ": firing start - scheduled time: " + Stats.of(lateMs.get(false)).format("ms"));
    }
}
