package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The clock and DNS example scripts against the real demo: the guardian's clock really moves (libfaketime),
 * the gateway's lookups really go to the run's DNS server, and the evidence names why the gateway failed closed.
 */
class ClockAndDnsScriptsTest {
    @TempDir Path dir;

    private JsonNode run(String script, String component) throws Exception {
        Path out = dir.resolve("artifacts");
        Cli.Result r = Cli.run("run", Cli.SCRIPTS.resolve(script).toString(), "--param", "hold=1s", "--out", out.toString(),
                "--state", dir.resolve("state").toString(), "--no-color");
        assertThat(r.exitCode()).as(r.all()).isZero();
        return Evidence.read(out, component).get("scenarios");
    }

    @Test
    void aSkewedGuardianClockMakesTheGatewayRejectStaleDecisions() throws Exception {
        JsonNode scenarios = run("clock-skew.chaos.groovy", "clock-skew");

        assertThat(scenarios).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("verdict").asString()).as(s.toString()).isEqualTo("passed");
            JsonNode fault = s.get("faults").get(0);
            assertThat(fault.get("type").asString()).isEqualTo("clockSkew");
            assertThat(s.get("fail_closed_reasons").has("stale-decision")).isTrue();
            assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
        });
    }

    /** Without libfaketime nothing is skewed and nothing passes: both scenarios are skipped, saying what to install. */
    @Test
    void withoutLibfaketimeTheClockScenariosAreSkippedWithTheInstallHint() throws Exception {
        Path out = dir.resolve("artifacts");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        ProcessBuilder cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", Cli.SCRIPTS.resolve("clock-skew.chaos.groovy").toString(), "--param", "hold=1s",
                "--out", out.toString(), "--state", dir.resolve("state").toString(), "--no-color")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
        cli.environment().put("SHAKEDOWN_LIBFAKETIME", dir.resolve("no-such-libfaketime.so.1").toString());

        int exit = cli.start().waitFor();

        assertThat(exit).as(Files.readString(dir.resolve("cli.log"))).isZero();
        JsonNode evidence = Evidence.read(out, "clock-skew");
        assertThat(evidence.get("run").get("verdict").asString()).isEqualTo("skipped");
        assertThat(evidence.get("scenarios")).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("verdict").asString()).isEqualTo("skipped");
            assertThat(s.get("faults")).isEmpty();
            assertThat(s.toString()).contains("SHAKEDOWN_LIBFAKETIME");
        });
    }

    @Test
    void aBrokenGuardianNameMakesTheGatewayFailClosedOnEveryKindOfDnsFailure() throws Exception {
        JsonNode scenarios = run("dns-failure.chaos.groovy", "dns-failure");

        assertThat(scenarios).hasSize(4).allSatisfy(s -> {
            assertThat(s.get("verdict").asString()).as(s.toString()).isEqualTo("passed");
            assertThat(s.get("faults").get(0).get("type").asString()).isEqualTo("dnsFailure");
            assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
        });
        for (int i = 0; i < 3; i++) assertThat(scenarios.get(i).get("fail_closed_reasons").has("dns-failure")).isTrue();
        // a wrong answer resolves fine, to an address where no guardian listens
        assertThat(scenarios.get(3).get("fail_closed_reasons").has("guardian-unreachable")).isTrue();
    }
}
