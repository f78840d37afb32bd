package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The load's figures in the evidence, against the demo made slow and erring on purpose, and against a frozen one. */
class LoadMeasurementTest {
    @TempDir Path dir;

    /** One request of the test's own client: when it was answered (ms since the run started), how long it took, its status (0: none). */
    private record Sent(double completedAtMs, double latencyMs, int status) {}

    @Test
    void theEvidencesP95AndErrorRateMatchAnIndependentClientInTheSameWindows() throws Exception {
        Path urlFile = dir.resolve("gateway.url");
        // every 5th order of each subject answers 500, so the load and the client each see exactly 20 % errors
        Path script = write("slow", """
                component 'slow'
                def sut = demoSystem(delay: 500.ms, errorEvery: 5)
                new File('URL_FILE').text = sut.gateway       // the test's own client reads the address here
                condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
                monitor every: 1.s
                load http.get("${sut.gateway}/api/orders", timeout: 5.s), rate: 20.perSecond
                scenario 'slow' {
                    steadyState healthy
                    hold 12.s
                }
                """.replace("URL_FILE", urlFile.toString()));

        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        Cli.Result r;
        try (IndependentClient client = new IndependentClient(urlFile, sent)) {
            r = Cli.run("run", script.toString(), "--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString(), "--no-color");
            client.startedAt(Evidence.read(dir.resolve("out"), "slow").get("run").get("started_at").asString());
        }

        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode evidence = Evidence.read(dir.resolve("out"), "slow");
        JsonNode monitor = evidence.get("scenarios").get(0).get("series").get("monitor");
        List<Sent> answered = List.copyOf(sent);
        double clientFrom = answered.stream().filter(s -> s.status() > 0).mapToDouble(Sent::completedAtMs).min().orElseThrow();
        double clientTo = answered.stream().mapToDouble(Sent::completedAtMs).max().orElseThrow();
        // Windows in which both were sending all along: the client had been answered a second before, and went on after.
        List<Map<String, JsonNode>> windows = rows(monitor).stream()
                .filter(w -> w.get("at_ms").asDouble() - w.get("window_ms").asDouble() >= clientFrom + 1000)
                .filter(w -> w.get("at_ms").asDouble() <= clientTo - 500)
                .filter(w -> w.get("requests").asLong() > 0)
                .filter(w -> answered.stream().filter(s -> inWindow(s, w)).count() >= 5)
                .toList();
        List<Sent> clientInWindows = answered.stream().filter(s -> windows.stream().anyMatch(w -> inWindow(s, w))).toList();
        assertThat(windows).as("windows both measured").hasSizeGreaterThanOrEqualTo(5);
        assertThat(clientInWindows).hasSizeGreaterThanOrEqualTo(100);

        long loadRequests = windows.stream().mapToLong(w -> w.get("requests").asLong()).sum();
        double loadErrors = windows.stream().mapToDouble(w -> w.get("error_rate").asDouble() * w.get("requests").asLong()).sum();
        double loadErrorRate = loadErrors / loadRequests;
        double clientErrorRate = clientInWindows.stream().filter(s -> s.status() != 200).count() / (double) clientInWindows.size();
        assertThat(loadErrorRate).as("evidence error rate vs client %s", clientErrorRate).isCloseTo(clientErrorRate, within(0.1 * clientErrorRate));
        assertThat(loadErrorRate).as("the gateway's every fifth").isCloseTo(0.2, within(0.02));

        // the same statistic on both sides: each window's p95, then the median over the windows
        double loadP95 = median(windows.stream().mapToDouble(w -> w.get("latency_p95_ms").asDouble()).toArray());
        double clientP95 = median(windows.stream().mapToDouble(w -> percentile(answered.stream().filter(s -> inWindow(s, w))
                .mapToDouble(Sent::latencyMs).toArray(), 95)).toArray());
        assertThat(loadP95).as("the windows' p95 (median) vs the client's %s ms", clientP95).isCloseTo(clientP95, within(0.1 * clientP95));
        assertThat(loadP95).as("the delay dominates").isGreaterThanOrEqualTo(500);

        // and every window has the CPU and RSS of the three processes the script owns, by their PIDs
        JsonNode resources = evidence.get("run").get("resources");
        for (Map<String, JsonNode> w : windows) {
            for (String name : List.of("db", "guardian", "gateway")) {
                JsonNode p = w.get("processes").get(name);
                assertThat(p.get("pid").asLong()).isEqualTo(resources.get(name).get("pid").asLong());
                assertThat(p.get("rss_bytes").asLong()).isPositive();
                assertThat(p.get("cpu_percent").asDouble()).isGreaterThanOrEqualTo(0);
            }
            assertThat(w.get("processes").get("gateway").get("cpu_percent").asDouble()).as("the gateway serves 40 rps").isPositive();
        }
    }

    @Test
    void aFrozenGatewayStillGetsItsRequestsAndTheirWholeWaitIsRecorded() throws Exception {
        Path script = write("frozen", """
                component 'frozen'
                def sut = demoSystem()
                condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
                monitor every: 500.ms
                load http.get("${sut.gateway}/api/orders", timeout: 10.s), rate: 100.perSecond
                scenario 'freeze' {
                    steadyState healthy
                    inject stop('gateway')
                    hold 2.s
                    recover
                    expect healthy within 10.s
                    hold 1.s
                }
                """);

        Cli.Result r = Cli.run("run", script.toString(), "--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString(), "--no-color");

        JsonNode s = Evidence.read(dir.resolve("out"), "frozen").get("scenarios").get(0);
        assertThat(s.get("chaos_injected").asBoolean()).as(r.all()).isTrue();
        JsonNode stop = s.get("faults").get(0);
        double frozenAt = stop.get("injected_at_ms").asDouble();
        double thawedAt = stop.get("rolled_back_at_ms").asDouble();
        assertThat(thawedAt - frozenAt).isGreaterThanOrEqualTo(2000);
        List<Map<String, JsonNode>> rows = rows(s.get("series").get("monitor"));
        // Open loop: the ~200 requests due while it was frozen were sent anyway and are recorded when answered.
        // (answered when it thaws, or refused a connection after 1 s once its accept queue is full: both are recorded)
        List<Map<String, JsonNode>> around = rows.stream()
                .filter(w -> w.get("at_ms").asDouble() > frozenAt && w.get("at_ms").asDouble() <= thawedAt + 2000).toList();
        long recorded = around.stream().mapToLong(w -> w.get("requests").asLong()).sum();
        double worstP99 = around.stream().mapToDouble(w -> w.get("latency_p99_ms").asDouble()).max().orElseThrow();
        assertThat(recorded).as("requests recorded in %s", around).isGreaterThanOrEqualTo(150);
        assertThat(worstP99).as("the longest waits, measured from when each request was due").isGreaterThanOrEqualTo(1500);
        // A stopped process uses no CPU: windows wholly inside the freeze show the gateway at 0 %.
        List<Map<String, JsonNode>> frozen = rows.stream()
                .filter(w -> w.get("at_ms").asDouble() - w.get("window_ms").asDouble() >= frozenAt + 50)
                .filter(w -> w.get("at_ms").asDouble() <= thawedAt - 50).toList();
        assertThat(frozen).isNotEmpty().allSatisfy(w ->
                assertThat(w.get("processes").get("gateway").get("cpu_percent").asDouble()).isZero());
        JsonNode gateway = s.get("system_impact").get("processes").get("gateway");
        assertThat(gateway.get("cpu_usage_samples").get("min").asDouble()).isZero();
        assertThat(gateway.get("rss_bytes_samples").get("min").asLong()).isPositive();
    }

    private Path write(String name, String script) throws Exception {
        return Files.writeString(dir.resolve(name + ".chaos.groovy"), script);
    }

    /** A table's rows as column name to cell. */
    private static List<Map<String, JsonNode>> rows(JsonNode table) {
        List<String> columns = StreamSupport.stream(table.get("columns").spliterator(), false).map(JsonNode::asString).toList();
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            Map<String, JsonNode> cells = new java.util.HashMap<>();
            for (int i = 0; i < columns.size(); i++) cells.put(columns.get(i), row.get(i));
            rows.add(cells);
        }
        return rows;
    }

    /** The load records a request in the window in which its answer came, so the client's are bucketed the same way. */
    private static boolean inWindow(Sent s, Map<String, JsonNode> w) {
        double end = w.get("at_ms").asDouble();
        return s.completedAtMs() > end - w.get("window_ms").asDouble() && s.completedAtMs() <= end;
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Nearest rank, as HdrHistogram reports a percentile: the smallest value with at least p % at or below it. */
    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * The test's own client: 20 requests per second to {@code /api/orders?subject=independent-client}, from the
     * moment the script has written the gateway's address, each timed from its own sending to its answer.
     */
    private static final class IndependentClient implements AutoCloseable {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        private final ConcurrentLinkedQueue<long[]> raw = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Sent> sent;
        private final Path urlFile;

        IndependentClient(Path urlFile, ConcurrentLinkedQueue<Sent> sent) {
            this.urlFile = urlFile;
            this.sent = sent;
            pacer.scheduleAtFixedRate(this::sendOne, 0, 50, TimeUnit.MILLISECONDS);
        }

        private void sendOne() {
            String base;
            try {
                base = Files.exists(urlFile) ? Files.readString(urlFile).trim() : "";
            } catch (Exception e) {
                return;
            }
            if (base.isEmpty()) return;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/orders?subject=independent-client"))
                    .timeout(Duration.ofSeconds(5)).build();
            long start = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - start;
                raw.add(new long[] {epochMicros(Instant.now()), latency, response == null ? 0 : response.statusCode()});
            });
        }

        /** Puts the answers on the evidence's clock: milliseconds since {@code run.started_at}. */
        void startedAt(String runStartedAt) {
            long origin = epochMicros(Instant.parse(runStartedAt));
            raw.forEach(a -> sent.add(new Sent((a[0] - origin) / 1000.0, a[1] / 1e6, (int) a[2])));
        }

        private static long epochMicros(Instant i) {
            return i.getEpochSecond() * 1_000_000 + i.getNano() / 1_000;
        }

        @Override
        public void close() {
            pacer.shutdownNow();
        }
    }
}
