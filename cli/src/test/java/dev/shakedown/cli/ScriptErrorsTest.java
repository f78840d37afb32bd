package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptErrorsTest {
    @TempDir Path dir;

    @Test
    void everyTypoIsReportedWithItsPositionAndASuggestionAndNoStackTrace() throws Exception {
        Path script = Files.writeString(dir.resolve("typos.chaos.groovy"), String.join("\n",
                "def sut = demoSystem()",
                "condition 'healthy', { http.get(\"${sut.gateway}/health\").status == 200 }",
                "scenario 'crash' {",
                "    steadyState helthy",
                "    inject kil('guardian')",
                "    recover",
                "}",
                ""));

        Cli.Result r = Cli.run("run", script.toString(), "--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("typos\\.chaos\\.groovy:5:\\d+: unknown fault 'kil', did you mean 'kill'\\?");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.codehaus");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void anUnknownConditionIsReportedWithASuggestion() throws Exception {
        Path script = Files.writeString(dir.resolve("cond.chaos.groovy"), String.join("\n",
                "def sut = demoSystem()",
                "condition 'healthy', { http.get(\"${sut.gateway}/health\").status == 200 }",
                "scenario 'crash' {",
                "    steadyState helthy",
                "    inject kill('guardian')",
                "}",
                ""));

        Cli.Result r = Cli.run("plan", script.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("cond\\.chaos\\.groovy:4:\\d+: unknown condition 'helthy', did you mean 'healthy'\\?");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void clockAndDnsMistakesAreEachReportedAtTheirLine() throws Exception {
        Path script = Files.writeString(dir.resolve("clockdns.chaos.groovy"), String.join("\n",
                "def sut = demoSystem()",
                "scenario 'mistakes' {",
                "    inject dnsFailure('guardian.demo.internl', mode: 'nxdomain')",
                "    inject clockSkew('guardian', 0.s)",
                "    inject clockSkew('guardian', 400000.h)",
                "    inject clockSkew('host', 30.s)",
                "    recover",
                "}",
                ""));

        Cli.Result r = Cli.run("plan", script.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .containsPattern("clockdns\\.chaos\\.groovy:3:\\d+: no dns record 'guardian\\.demo\\.internl', did you mean 'guardian\\.demo\\.internal'\\?")
                .containsPattern("clockdns\\.chaos\\.groovy:4:\\d+: a zero offset changes nothing")
                .containsPattern("clockdns\\.chaos\\.groovy:5:\\d+: an offset of \\+400000h is absurd")
                .containsPattern("clockdns\\.chaos\\.groovy:6:\\d+: clockSkew\\('host'\\): Shakedown never changes the host's clock");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anInvalidAddressInADnsBlockIsReportedAtItsRecordLine() throws Exception {
        Path script = Files.writeString(dir.resolve("records.chaos.groovy"), String.join("\n",
                "dns {",
                "    record 'ok.test.internal', '127.0.0.1'",
                "    record 'api.test.internal', '300.1.2.3'",
                "}",
                ""));

        Cli.Result r = Cli.run("plan", script.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("records\\.chaos\\.groovy:3:\\d+: record 'api\\.test\\.internal': '300\\.1\\.2\\.3' is not an IPv4 or IPv6 address");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aSyntaxErrorHasAPosition() throws Exception {
        Path script = Files.writeString(dir.resolve("syntax.chaos.groovy"), "scenario 'x' {\n  hold 1.s\n");

        Cli.Result r = Cli.run("plan", script.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("syntax\\.chaos\\.groovy:\\d+:\\d+: ");
        assertThat(r.all()).doesNotContain("\tat ");
    }

    @Test
    void aListenPortInUseAndAnAbsurdDelayAreScriptErrorsWithPositions() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Path script = Files.writeString(dir.resolve("links.chaos.groovy"), String.join("\n",
                    "link 'db', listen: " + port + ", upstream: '127.0.0.1:5432'",
                    "scenario 'slow' {",
                    "    inject latency('db', -5.ms)",
                    "    recover",
                    "}",
                    ""));

            Cli.Result r = Cli.run("run", script.toString(), "--state", dir.resolve("state").toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("links.chaos.groovy:1:1: link 'db' cannot listen on 127.0.0.1:" + port
                    + ": port " + port + " is already in use");
            assertThat(r.err()).containsPattern("links\\.chaos\\.groovy:3:\\d+: .*delay");
            assertThat(r.all()).doesNotContain("\tat ");
            assertThat(dir.resolve("state")).doesNotExist();
        }
    }

    @Test
    void aMissingScriptIsASentence() {
        Cli.Result r = Cli.run("run", dir.resolve("nope.chaos.groovy").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.chaos.groovy: no such file");
    }
}
