package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.evidence.EvidenceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The {@code shakedown schedule} processes of one test, each with its own log under the test's directory;
 * close() ends every one of them (and their children) however the test ended.
 */
final class ScheduleNodes implements AutoCloseable {
    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    /** One daemon and the file its output goes to. */
    record Node(Process process, Path logFile) {
        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return "no log: " + e;
            }
        }

        void signal(String name) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        }

        /** SIGTERM: the daemon must exit 0 after saying it stopped. */
        void stop() throws IOException, InterruptedException {
            signal("TERM");
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(this::log).isTrue();
            assertThat(process.exitValue()).as(this::log).isZero();
            assertThat(log()).contains("SIGTERM: stopping").contains("scheduler stopped");
        }
    }

    ScheduleNodes(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code shakedown schedule ARGS} with these JVM options and waits until its scheduler runs. */
    Node start(String name, List<String> jvmOptions, List<String> args) throws IOException {
        return start(name, jvmOptions, java.util.Map.of(), args);
    }

    /** As {@link #start(String, List, List)}, with these variables added to the environment. */
    Node start(String name, List<String> jvmOptions, java.util.Map<String, String> env, List<String> args) throws IOException {
        Path log = dir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "schedule"));
        command.addAll(args);
        command.add("--no-color");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Node node = new Node(builder.start(), log);
        nodes.add(node);
        await().atMost(Duration.ofMinutes(1)).until(() -> !node.process().isAlive() || node.log().contains("scheduler running on"));
        assertThat(node.process().isAlive()).as(node::log).isTrue();
        return node;
    }

    /** The lines of {@code <out>/history/index.jsonl}, parsed; none before the first firing. */
    static List<JsonNode> index(Path out) throws IOException {
        Path index = out.resolve("history").resolve("index.jsonl");
        if (!Files.exists(index)) return List.of();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(index)) lines.add(EvidenceWriter.JSON.readTree(line));
        return lines;
    }

    /** The evidence files of a component's firings, by name. */
    static List<Path> historyFiles(Path out, String component) throws IOException {
        Path history = out.resolve("history").resolve(component);
        if (!Files.isDirectory(history)) return List.of();
        try (Stream<Path> files = Files.list(history)) {
            return files.sorted().toList();
        }
    }

    /** A scenario that needs nothing but the engine: a steady state that holds, and a hold. */
    static Path script(Path dir, String component, String schedule, String hold) throws IOException {
        return Files.writeString(dir.resolve(component + ".chaos.groovy"), String.join("\n",
                "component '" + component + "'",
                "condition 'ok', { true }",
                "scenario 'tick' {",
                "    steadyState ok",
                "    hold " + hold,
                "}",
                schedule,
                ""));
    }

    /** A cron expression in UTC that fires once, at {@code due} (whole seconds). */
    static String cronOnceAt(Instant due) {
        ZonedDateTime t = due.atZone(ZoneOffset.UTC);
        return String.format("%d %d %d %d %d ? %d", t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(),
                t.getMonthValue(), t.getYear());
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) Cli.killAndUnmount(node.process(), dir);
    }
}
