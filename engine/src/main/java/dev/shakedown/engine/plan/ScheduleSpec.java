package dev.shakedown.engine.plan;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * When to run scenarios again: a Quartz cron expression read in {@code zone}, what to do about a firing
 * missed while no scheduler ran ({@code misfire}), windows in which nothing may fire ({@code blackouts},
 * read in the same zone), and a random delay of up to {@code jitter} before each run.
 * {@code scenarios} is empty for "all".
 */
public record ScheduleSpec(List<String> scenarios, String cron, ZoneId zone, Misfire misfire,
                           List<BlackoutWindow> blackouts, Duration jitter, SourceRef source) {
    public ScheduleSpec {
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(misfire, "misfire");
        blackouts = List.copyOf(blackouts);
        if (jitter.isNegative()) throw new IllegalArgumentException("jitter must not be negative: " + jitter);
    }

    /** A schedule in the host's time zone, skipping missed firings, with no blackout and no jitter. */
    public ScheduleSpec(List<String> scenarios, String cron, SourceRef source) {
        this(scenarios, cron, ZoneId.systemDefault(), Misfire.SKIP, List.of(), Duration.ZERO, source);
    }

    /** {@code guardianCrash, network} or {@code all}. */
    public String scenariosText() {
        return scenarios.isEmpty() ? "all" : String.join(", ", scenarios);
    }

    /** {@code crash cron '0 0 3 * * ?' in Europe/Berlin, misfire skip, blackout 'Sat-Sun', jitter up to 10min}. */
    public String describe() {
        StringBuilder s = new StringBuilder(scenariosText()).append(" cron '").append(cron).append("' in ").append(zone.getId())
                .append(", misfire ").append(misfire.word());
        if (!blackouts.isEmpty()) {
            s.append(", blackout ").append(String.join(", ", blackouts.stream().map(b -> "'" + b.text() + "'").toList()));
        }
        if (!jitter.isZero()) s.append(", jitter up to ").append(Durations.format(jitter));
        return s.toString();
    }

    /** What to do about a firing whose time passed while no scheduler was running. */
    public enum Misfire {
        /** Wait for the next regular time. */
        SKIP("skip"),
        /** Run once as soon as a scheduler is back, however many firings were missed. */
        RUN_ONCE("runOnce");

        private final String word;

        Misfire(String word) {
            this.word = word;
        }

        /** As a script writes it: {@code skip}, {@code runOnce}. */
        public String word() {
            return word;
        }

        public static java.util.Optional<Misfire> of(String word) {
            return java.util.Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
        }
    }
}
