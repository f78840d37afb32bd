package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code abortWhen} against the real demo: a frozen gateway (SIGSTOP) makes the load's requests time out, the
 * error rate passes 50 %, every fault is rolled back at once (SIGCONT), the run stops and exits 3.
 */
class AbortWhenScriptTest {
    @TempDir Path dir;

    @Test
    void aFrozenGatewayTripsTheErrorRateAbortWhichRollsBackAndExits3() throws Exception {
        Path script = Files.writeString(dir.resolve("abort.chaos.groovy"), """
                component 'abort'
                def sut = demoSystem()
                condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
                load http.get("${sut.gateway}/api/orders", timeout: 300.ms), rate: 50.perSecond
                monitor every: 200.ms
                abortWhen { errorRate > 50.percent }

                scenario 'frozenGateway' {
                    steadyState healthy
                    inject stop('gateway')
                    hold 10.min
                    recover
                    expect healthy within 30.s
                }
                scenario 'afterwards' {
                    steadyState healthy
                    hold 1.s
                }
                """);
        Path out = dir.resolve("artifacts");

        Cli.Result r = Cli.run("run", script.toString(), "--out", out.toString(), "--state", dir.resolve("state").toString(), "--no-color");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(3);
        assertThat(r.all()).contains("abort condition 'errorRate > 50.percent' fired");
        JsonNode e = Evidence.read(out, "abort");
        assertThat(e.get("run").get("verdict").asString()).isEqualTo("aborted");
        assertThat(e.get("run").get("interruption").get("reason").asString())
                .isEqualTo("abort condition 'errorRate > 50.percent' fired in scenario 'frozenGateway'");

        JsonNode frozen = e.get("scenarios").get(0);
        assertThat(frozen.get("verdict").asString()).isEqualTo("aborted");
        JsonNode abort = frozen.get("abort");
        assertThat(abort.get("condition").asString()).isEqualTo("errorRate > 50.percent");
        assertThat(abort.get("faults_rolled_back")).extracting(JsonNode::asString).containsExactly("stop('gateway')");
        // The gateway was resumed, after the observation and by the time the abort says.
        JsonNode fault = frozen.get("faults").get(0);
        assertThat(fault.get("rollback_error").isNull()).isTrue();
        double firedAt = abort.get("fired_at_ms").asDouble();
        assertThat(fault.get("rolled_back_at_ms").asDouble()).isGreaterThanOrEqualTo(firedAt)
                .isEqualTo(abort.get("rolled_back_at_ms").asDouble());
        assertThat(e.get("run").get("interruption").get("at_ms").asDouble()).isEqualTo(firedAt);
        // The window it read is in the evidence, and shows what made it fire.
        double windowAt = abort.get("window_at_ms").asDouble();
        JsonNode monitor = frozen.get("series").get("monitor");
        int atColumn = columnOf(monitor, "at_ms"), errorRateColumn = columnOf(monitor, "error_rate");
        JsonNode row = null;
        for (JsonNode m : monitor.get("rows")) if (m.get(atColumn).asDouble() == windowAt) row = m;
        assertThat(row).as("the monitor row at %s", windowAt).isNotNull();
        assertThat(row.get(errorRateColumn).asDouble()).isGreaterThan(0.5);
        // Nothing after the hold ran, and the next scenario injected nothing.
        assertThat(frozen.get("steps")).extracting(s -> s.get("step").asString()).doesNotContain("recover");
        JsonNode afterwards = e.get("scenarios").get(1);
        assertThat(afterwards.get("verdict").asString()).isEqualTo("skipped");
        assertThat(afterwards.get("problem").asString()).startsWith("not run: abort condition");
    }

    private static int columnOf(JsonNode table, String column) {
        JsonNode columns = table.get("columns");
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).asString().equals(column)) return i;
        throw new AssertionError("no column " + column + " in " + columns);
    }

    @Test
    void thePlanShowsTheAbortConditions() throws Exception {
        Path script = Files.writeString(dir.resolve("abort-plan.chaos.groovy"), """
                abortWhen { errorRate > 50.percent }
                scenario 'x' {
                    abortWhen 'tooSlow', every: 100.ms, { latency.p95 > 2.s }
                    hold 1.s
                }
                """);

        Cli.Result r = Cli.run("plan", script.toString(), "--no-color");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.all()).contains("abort when 'errorRate > 50.percent' (every 50ms): roll back every fault at once, stop the run",
                "abort when 'tooSlow' (every 100ms)");
    }
}
