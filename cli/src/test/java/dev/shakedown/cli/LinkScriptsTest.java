package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The network example scripts against the real demo, whose gateway reaches its dependencies through links. */
class LinkScriptsTest {
    @TempDir Path dir;

    private JsonNode run(String script, String component) throws Exception {
        Path out = dir.resolve("artifacts");
        Cli.Result r = Cli.run("run", Cli.SCRIPTS.resolve(script).toString(), "--param", "hold=2s", "--out", out.toString(),
                "--state", dir.resolve("state").toString(), "--no-color");
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode evidence = Evidence.read(out, component);
        // both scripts include stdlib:demo: the evidence names the library and what was compiled of it
        assertThat(evidence.at("/run/script/includes/0/path").asString()).isEqualTo("stdlib:demo");
        assertThat(evidence.at("/run/script/includes/0/sha256").asString()).matches("[0-9a-f]{64}");
        return evidence.get("scenarios").get(0);
    }

    @Test
    void aPartitionedGuardianLinkMakesTheGatewayFailClosedOnGuardianReasons() throws Exception {
        JsonNode s = run("network-partition.chaos.groovy", "network-partition");

        assertThat(s.get("verdict").asString()).isEqualTo("passed");
        assertThat(s.get("faults").get(0).get("type").asString()).isEqualTo("partition");
        assertThat(s.get("fail_closed_reasons").propertyNames()).isNotEmpty().allMatch(reason -> reason.startsWith("guardian-"));
        assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
    }

    @Test
    void aStalledDatabaseLinkMakesTheGatewayFailClosedWithDbTimeout() throws Exception {
        JsonNode s = run("database-timeout.chaos.groovy", "database-timeout");

        assertThat(s.get("verdict").asString()).isEqualTo("passed");
        assertThat(s.get("expectations").get(0).get("condition").asString()).isEqualTo("dbTimeout");
        assertThat(s.get("expectations").get(0).get("met").asBoolean()).isTrue();
        assertThat(s.get("fail_closed_reasons").has("db-timeout")).isTrue();
        assertThat(s.get("recovery").get("successful").asBoolean()).isTrue();
    }
}
