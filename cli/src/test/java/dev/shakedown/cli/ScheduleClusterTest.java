package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.evidence.EvidenceWriter;
import dev.shakedown.engine.ledger.LedgerReplay;
import dev.shakedown.stdlib.link.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Several {@code shakedown schedule} nodes, each its own process with its own state directory, on one
 * PostgreSQL job store (Quartz clustered; a real server from this machine's packages, started here): every
 * firing runs on exactly one node, and a node killed with SIGKILL mid-experiment has its firing recovered by
 * another node, which first undoes the dead node's faults from its ledger.
 */
class ScheduleClusterTest {
    private static final Pattern FIRING = Pattern.compile("firing (.+), due (\\S+) on (\\S+)");

    private static PostgresServer postgres;

    @TempDir Path dir;
    private ScheduleNodes nodes;
    private final List<Long> strays = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) postgres.close();
    }

    @BeforeEach
    void nodes() {
        nodes = new ScheduleNodes(dir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        nodes.close();
        // A process a killed node launched is no node's child any more.
        strays.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private Path out() {
        return dir.resolve("out");
    }

    private Path state(String node) {
        return dir.resolve("state-" + node);
    }

    /** A node with its own state directory, the shared evidence directory, and a 1 s cluster check-in. */
    private ScheduleNodes.Node node(String name, String store, Path script) throws IOException {
        return nodes.start(name, List.of("-Dshakedown.schedule.checkinMs=1000"), List.of(script.toString(),
                "--store", store, "--out", out().toString(), "--state", state(name).toString()));
    }

    @Test
    void everyFiringOfATwoSecondScheduleRunsOnExactlyOneOfThreeNodes() throws Exception {
        String store = postgres.createDatabase("exactly_once");
        Path script = ScheduleNodes.script(dir, "tick", "schedule 'tick', cron: '*/2 * * * * ?', timezone: 'UTC'", "50.ms");
        List<ScheduleNodes.Node> three = List.of(node("a", store, script), node("b", store, script), node("c", store, script));
        assertThat(three).allSatisfy(n -> assertThat(n.log()).contains("(clustered, node "));

        await().atMost(Duration.ofMinutes(3)).until(() -> ScheduleNodes.index(out()).size() >= 12);
        for (ScheduleNodes.Node n : three) n.stop();

        List<JsonNode> lines = ScheduleNodes.index(out());
        List<String> due = lines.stream().map(l -> l.get("scheduled").asString()).toList();
        assertThat(due).as("each firing's due time once in the index").hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(l -> assertThat(l.get("verdict").asString()).isEqualTo("passed"));
        List<String> files = ScheduleNodes.historyFiles(out(), "tick").stream().map(p -> p.getFileName().toString()).toList();
        assertThat(files).as("one evidence file per firing, none written twice (a -2 name)")
                .hasSameSizeAs(lines).noneMatch(f -> f.matches(".*-\\d+\\.json"));

        // The nodes' own logs agree: each due time was started by one node, the one its index line names.
        Map<String, List<String>> startedBy = new java.util.HashMap<>();
        for (ScheduleNodes.Node n : three) {
            Matcher m = FIRING.matcher(n.log());
            while (m.find()) startedBy.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(3));
        }
        for (JsonNode line : lines) {
            assertThat(startedBy.get(line.get("scheduled").asString())).as(line.toString())
                    .containsExactly(line.get("node").asString());
        }
        assertThat(startedBy.values()).allSatisfy(starters -> assertThat(starters).hasSize(1));
        System.out.println("firings per node: " + lines.stream()
                .collect(Collectors.groupingBy(l -> l.get("node").asString(), Collectors.counting())));
    }

    @Test
    void twoSchedulesOfOneScenarioTakeTurnsAcrossNodesOnDifferentHosts() throws Exception {
        String store = postgres.createDatabase("no_overlap");
        Path script = Files.writeString(dir.resolve("twice.chaos.groovy"), String.join("\n",
                "component 'twice'",
                "condition 'ok', { true }",
                "scenario 'tick' {",
                "    steadyState ok",
                "    hold 3.s",
                "}",
                "schedule 'tick', cron: '*/2 * * * * ?', timezone: 'UTC', misfire: 'runOnce'",
                "schedule 'all', cron: '1/2 * * * * ?', timezone: 'UTC', misfire: 'runOnce'",
                ""));
        // Each node with a host run lock of its own, as on two machines: only the scenario's lease keeps them apart.
        List<ScheduleNodes.Node> two = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            two.add(nodes.start(name, List.of("-Dshakedown.schedule.checkinMs=1000"),
                    Map.of("SHAKEDOWN_HOST_LOCK", dir.resolve("host-" + name + ".lock").toString()),
                    List.of(script.toString(), "--store", store, "--out", out().toString(), "--state", state(name).toString())));
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> ScheduleNodes.index(out()).size() >= 8);
        for (ScheduleNodes.Node n : two) n.stop();

        List<JsonNode> lines = ScheduleNodes.index(out());
        assertThat(lines).extracting(l -> l.get("schedule").asString())
                .anyMatch(s -> s.startsWith("tick cron")).anyMatch(s -> s.startsWith("all cron"));
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode line : lines) runs.add(EvidenceWriter.JSON.readTree(out().resolve(line.get("evidence").asString()).toFile()).get("run"));
        runs.sort(java.util.Comparator.comparing(r -> Instant.parse(r.get("started_at").asString())));
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Instant.parse(runs.get(i).get("started_at").asString()))
                    .as("experiment %d starts after experiment %d ended: %s", i, i - 1, runs.stream()
                            .map(r -> r.get("started_at").asString() + ".." + r.get("finished_at").asString() + " " + r.get("ledger").asString())
                            .toList())
                    .isAfterOrEqualTo(Instant.parse(runs.get(i - 1).get("finished_at").asString()));
        }
        assertThat(two.get(0).log() + two.get(1).log()).as("a waiting firing names the node and firing it waits for")
                .containsPattern("waiting: a scenario of (tick|all) cron .* is running elsewhere \\(node \\S+, due \\S+Z, (tick|all) cron ");
        System.out.println("experiments per node: " + lines.stream()
                .collect(Collectors.groupingBy(l -> l.get("node").asString(), Collectors.counting())));
    }

    @Test
    void aNodeKilledMidExperimentHasItsFiringRecoveredByAnotherNodeWhichUndoesTheDeadNodesFaultsFirst() throws Exception {
        String store = postgres.createDatabase("recovery");
        Instant due = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        Path script = Files.writeString(dir.resolve("long.chaos.groovy"), String.join("\n",
                "component 'long'",
                "process 'sleeper', command: ['sleep', '600']",
                "scenario 'frozen' {",
                "    inject stop('sleeper')",
                "    hold 15.s",
                "}",
                "schedule 'frozen', cron: '" + ScheduleNodes.cronOnceAt(due) + "', timezone: 'UTC'",
                ""));
        Map<String, ScheduleNodes.Node> two = Map.of("a", node("a", store, script), "b", node("b", store, script));
        assertThat(Instant.now()).as("both nodes run before the firing is due").isBefore(due);

        await().atMost(Duration.ofMinutes(2)).until(() -> running("a").isPresent() || running("b").isPresent());
        String victim = running("a").isPresent() ? "a" : "b";
        String survivor = victim.equals("a") ? "b" : "a";
        Map<String, LedgerReplay.OpenRecord> open = running(victim).orElseThrow();
        long sleeper = ((Number) open.get("kill-process").data().get("pid")).longValue();
        strays.add(sleeper);
        await().atMost(Duration.ofSeconds(30)).until(() -> processState(sleeper) == 'T');

        two.get(victim).process().destroyForcibly().waitFor(); // SIGKILL: no rollback, no evidence
        assertThat(LedgerReplay.list(state(victim))).extracting(LedgerReplay.OpenRecord::action)
                .contains("sigcont", "kill-process");
        assertThat(processState(sleeper)).as("still frozen after its node died").isEqualTo('T');

        ScheduleNodes.Node other = two.get(survivor);
        await().atMost(Duration.ofMinutes(1)).until(() -> other.log().contains("(recovered from a node that died)"));
        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerReplay.list(state(victim)).isEmpty());
        assertThat(other.log()).as("the survivor replayed the dead node's ledger: it resumed the frozen sleeper, then ended it")
                .contains("SIGCONT to PID [" + sleeper + "]").contains("rolled back ").doesNotContain("STILL OPEN");
        await().atMost(Duration.ofSeconds(10)).until(() -> processState(sleeper) == '-');

        await().atMost(Duration.ofMinutes(1)).until(() -> ScheduleNodes.index(out()).size() == 1);
        other.stop();
        JsonNode line = ScheduleNodes.index(out()).get(0);
        assertThat(line.get("recovering").asBoolean()).isTrue();
        assertThat(line.get("scheduled").asString()).as("the recovered firing keeps its due time").isEqualTo(due.toString());
        assertThat(line.get("verdict").asString()).as(other.log()).isEqualTo("passed");
        assertThat(other.log()).contains("(clustered, node " + line.get("node").asString() + ")");
        assertThat(ScheduleNodes.historyFiles(out(), "long")).hasSize(1);
    }

    /** The open records of the node's running experiment by action, once its stop and its sleeper are recorded. */
    private Optional<Map<String, LedgerReplay.OpenRecord>> running(String node) {
        Map<String, LedgerReplay.OpenRecord> byAction = LedgerReplay.list(state(node)).stream()
                .collect(Collectors.toMap(LedgerReplay.OpenRecord::action, Function.identity(), (x, y) -> x));
        return byAction.containsKey("sigcont") && byAction.containsKey("kill-process") ? Optional.of(byAction) : Optional.empty();
    }

    /** The state letter of /proc/PID/stat ({@code T}: stopped), or {@code -} when the process is gone. */
    private static char processState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' ? '-' : state;
        } catch (IOException gone) {
            return '-';
        }
    }
}
