package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code shakedown schedule} as its own process, with real Quartz on the real clock and its default H2
 * store: firings produce evidence and index lines, a restart honours the misfire policy, SIGTERM stops it.
 */
class ScheduleDaemonTest {
    @TempDir Path dir;
    private ScheduleNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new ScheduleNodes(dir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        nodes.close();
    }

    private Path script(String component, String schedule) throws IOException {
        return script(component, schedule, "50.ms");
    }

    private Path script(String component, String schedule, String hold) throws IOException {
        return ScheduleNodes.script(dir, component, schedule, hold);
    }

    private ScheduleNodes.Node startDaemon(String logName, Path... scripts) throws IOException {
        List<String> args = new ArrayList<>();
        for (Path s : scripts) args.add(s.toString());
        args.addAll(List.of("--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString()));
        return nodes.start(logName, List.of(), args);
    }

    private List<JsonNode> index() throws IOException {
        return ScheduleNodes.index(dir.resolve("out"));
    }

    private List<Path> historyFiles(String component) throws IOException {
        return ScheduleNodes.historyFiles(dir.resolve("out"), component);
    }

    @Test
    void everyFiringOfATwoSecondCronLeavesOneEvidenceFileAndOneIndexLine() throws Exception {
        ScheduleNodes.Node daemon = startDaemon("daemon", script("tick", "schedule 'tick', cron: '*/2 * * * * ?', timezone: 'UTC'"));
        assertThat(daemon.log()).contains("registered tick cron '*/2 * * * * ?' in UTC, misfire skip").contains("  next ");
        await().atMost(Duration.ofMinutes(1)).until(() -> index().size() >= 3);
        daemon.stop();

        List<JsonNode> lines = index();
        assertThat(historyFiles("tick")).as(daemon.log()).hasSize(lines.size());
        List<Instant> scheduled = new ArrayList<>();
        for (JsonNode line : lines) {
            assertThat(line.get("component").asString()).isEqualTo("tick");
            assertThat(line.get("verdict").asString()).as(line.toString()).isEqualTo("passed");
            assertThat(line.get("scenarios").get(0).asString()).isEqualTo("tick");
            assertThat(line.get("score").asDouble()).isPositive();
            assertThat(Files.exists(dir.resolve("out").resolve(line.get("evidence").asString()))).isTrue();
            Instant due = Instant.parse(line.get("scheduled").asString());
            assertThat(due.getEpochSecond() % 2).as("the cron's even seconds").isZero();
            scheduled.add(due);
        }
        assertThat(scheduled).as("each firing once").doesNotHaveDuplicates();
        JsonNode latest = Evidence.read(dir.resolve("out"), "tick");
        assertThat(latest.get("run").get("id").asString()).isEqualTo(lines.get(lines.size() - 1).get("run").asString());
    }

    @Test
    void aFiringMissedWhileStoppedRunsOnceAfterTheRestartWithRunOnceAndNotWithSkip() throws Exception {
        // One fire time, far enough ahead that both daemons register it before it is due.
        Instant due = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String cron = ScheduleNodes.cronOnceAt(due);
        Path once = script("once", "schedule 'tick', cron: '" + cron + "', timezone: 'UTC', misfire: 'runOnce'");
        Path skipped = script("skipped", "schedule 'tick', cron: '" + cron + "', timezone: 'UTC', misfire: 'skip'");
        ScheduleNodes.Node first = startDaemon("first", once, skipped);
        first.stop();
        assertThat(index()).isEmpty();

        // Missed: the store's trigger is later than the misfire threshold (5 s) when the daemon is back.
        await().atMost(Duration.ofMinutes(1)).until(() -> Instant.now().isAfter(due.plusSeconds(7)));
        ScheduleNodes.Node second = startDaemon("second", once, skipped);
        await().atMost(Duration.ofMinutes(1)).until(() -> second.log().contains("skipped (misfire skip)")
                && index().size() == 1);
        second.stop();

        assertThat(second.log()).contains("kept tick cron '" + cron + "'").contains("running it once now (misfire runOnce)");
        assertThat(index()).singleElement().satisfies(line -> assertThat(line.get("component").asString()).isEqualTo("once"));
        assertThat(historyFiles("once")).hasSize(1);
        assertThat(historyFiles("skipped")).isEmpty();
    }

    @Test
    void noFiringRunsInsideABlackoutAndTheFirstOneAfterItDoes() throws Exception {
        // The window is a whole minute (their unit): this one if enough of it is left to watch, else the next.
        Instant now = Instant.now();
        Instant from = now.truncatedTo(ChronoUnit.MINUTES).plus(now.atZone(ZoneOffset.UTC).getSecond() < 40 ? 0 : 1, ChronoUnit.MINUTES);
        Instant until = from.plus(1, ChronoUnit.MINUTES);
        var hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        ScheduleNodes.Node daemon = startDaemon("daemon", script("quiet", "schedule 'tick', cron: '*/5 * * * * ?', timezone: 'UTC', blackout: '"
                + hhmm.format(from) + "-" + hhmm.format(until) + "'"));
        Instant running = Instant.now();
        await().atMost(Duration.ofMinutes(3)).until(() -> index().stream()
                .anyMatch(l -> !Instant.parse(l.get("scheduled").asString()).isBefore(until)));
        daemon.stop();

        assertThat(running).as("the daemon ran inside the window, so its firings were due").isBefore(until.minusSeconds(5));
        List<Instant> scheduled = index().stream().map(l -> Instant.parse(l.get("scheduled").asString())).toList();
        assertThat(scheduled).as(daemon.log()).noneMatch(t -> !t.isBefore(from) && t.isBefore(until));
        assertThat(scheduled).as("the first firing after the window").contains(until);
    }

    @Test
    void sigtermDuringAFiringRollsItBackRecordsItAndExits() throws Exception {
        ScheduleNodes.Node daemon = startDaemon("daemon", script("long", "schedule 'tick', cron: '*/2 * * * * ?', timezone: 'UTC'", "10.min"));
        await().atMost(Duration.ofMinutes(1)).until(() -> daemon.log().contains("scenario tick"));
        daemon.stop();

        assertThat(index()).as(daemon.log()).singleElement().satisfies(line -> {
            assertThat(line.get("verdict").asString()).isEqualTo("aborted");
            assertThat(line.get("exit_code").asInt()).isEqualTo(3);
        });
        assertThat(Evidence.read(dir.resolve("out"), "long").get("run").get("interruption").get("reason").asString()).isEqualTo("SIGTERM");
    }

    @Test
    void badInputIsExit2SayingWhatAndWhere() throws Exception {
        Path cron = script("cron", "schedule 'tick', cron: '0 0 25 * * ?'");
        Cli.Result r = Cli.run("schedule", cron.toString(), "--list");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains(cron + ":7:1: cron '0 0 25 * * ?' is not a Quartz cron expression: "
                + "Hour values must be between 0 and 23 (seconds minutes hours day-of-month month day-of-week [year]");

        Path zone = script("zone", "schedule 'tick', cron: '0 0 3 * * ?', timezone: 'Europe/Berln'");
        r = Cli.run("schedule", zone.toString(), "--list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(zone + ":7:1: unknown time zone 'Europe/Berln', did you mean 'Europe/Berlin'?");

        Path name = script("name", "schedule 'tik', cron: '0 0 3 * * ?'");
        r = Cli.run("schedule", name.toString(), "--list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(name + ":7:1: schedule names no scenario 'tik', did you mean 'tick'?");

        Path fine = script("fine", "schedule 'tick', cron: '0 0 3 * * ?'");
        r = Cli.run("schedule", fine.toString(), "--store", "jdbc:postgresql://127.0.0.1:1/shakedown",
                "--state", dir.resolve("state").toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("--store: cannot open the schedule store jdbc:postgresql://127.0.0.1:1/shakedown: ")
                .containsIgnoringCase("refused");

        r = Cli.run("schedule", fine.toString(), "--store", "mysql://db/x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--store takes a jdbc:postgresql:// or jdbc:h2: URL, not 'mysql://db/x'");
    }

    @Test
    void listPrintsTheNextFireTimesInTheSchedulesZoneWithoutStartingAnything() throws Exception {
        Path s = script("nightly", "schedule 'tick', cron: '0 0 3 * * ?', timezone: 'Europe/Berlin', blackout: 'Sat-Sun'");
        Cli.Result r = Cli.run("schedule", s.toString(), "--list", "--state", dir.resolve("state").toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("schedule tick cron '0 0 3 * * ?' in Europe/Berlin, misfire skip, blackout 'Sat-Sun'");
        assertThat(r.out().lines().filter(l -> l.startsWith("  next ")).toList()).hasSize(3)
                .allSatisfy(l -> assertThat(l).contains(" 03:00:00 CE").doesNotContain("(Sat)").doesNotContain("(Sun)"));
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void theNightlyExampleRunsTheWholeSuiteOnWeekdayNightsInBerlin() {
        Cli.Result r = Cli.run("schedule", Cli.SCRIPTS.resolve("nightly.chaos.groovy").toString(), "--list");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("schedule all cron '0 0 3 * * ?' in Europe/Berlin, misfire skip, blackout 'Sat-Sun', "
                + "jitter up to 10min");
        assertThat(r.out().lines().filter(l -> l.startsWith("  next ")).toList()).hasSize(3)
                .allSatisfy(l -> assertThat(l).contains(" 03:00:00 CE").doesNotContain("(Sat)").doesNotContain("(Sun)"));
    }
}
