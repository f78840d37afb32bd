package dev.shakedown.stdlib.dns;

import static dev.shakedown.stdlib.dns.DnsFixture.SVC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.stdlib.process.LaunchOptions;
import dev.shakedown.stdlib.testing.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files and the environment a launch with hostsFile: true gets; what a fault makes of the hosts file. */
class HostsFilePreparationTest {
    @TempDir
    Path runDir;

    private static LaunchOptions launch(boolean hostsFile) {
        return LaunchOptions.from(Map.of("command", List.of("java", "Main"), "hostsFile", hostsFile), "process 'app'");
    }

    private TestRun runWithDns() {
        return new TestRun(runDir).withPlan(ExperimentPlan.ofResources("test", List.of(DnsFixture.spec())));
    }

    @Test
    void pointsTheJvmAtTheHostsFileWithoutCachesAndKeepsItsOtherOptions() throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of("JDK_JAVA_OPTIONS", "-Xmx64m"));

        new HostsFilePreparation().prepare("app", launch(true), runWithDns(), environment);

        Path hosts = runDir.resolve("dns/hosts");
        Path security = runDir.resolve("dns/java.security");
        assertThat(environment.get("JDK_JAVA_OPTIONS"))
                .isEqualTo("-Xmx64m -Djdk.net.hosts.file=" + hosts + " -Djava.security.properties=" + security);
        assertThat(Files.readAllLines(hosts)).contains("127.0.0.1 " + SVC, "::1 " + SVC, "127.0.0.2 " + DnsFixture.V4_ONLY);
        assertThat(security).hasContent("networkaddress.cache.ttl=0\nnetworkaddress.cache.negative.ttl=0");
    }

    @Test
    void aRestartKeepsTheHostsFileAnActiveFaultRewrote() throws IOException {
        Path hosts = runDir.resolve("dns/hosts");
        HostsFile.write(hosts, "127.0.0.99 " + SVC + "\n");

        new HostsFilePreparation().prepare("app", launch(true), runWithDns(), new HashMap<>());

        assertThat(hosts).hasContent("127.0.0.99 " + SVC);
    }

    @Test
    void leavesOtherProcessesAlone() throws IOException {
        Map<String, String> environment = new HashMap<>();

        new HostsFilePreparation().prepare("app", launch(false), runWithDns(), environment);

        assertThat(environment).isEmpty();
        assertThat(runDir.resolve("dns")).doesNotExist();
    }

    @Test
    void saysWhatToDeclareWhenTheScriptHasNoDns() {
        assertThatThrownBy(() -> new HostsFilePreparation().prepare("app", launch(true), new TestRun(runDir), new HashMap<>()))
                .hasMessage("process 'app' has hostsFile: true, but the script declares no dns records for it to resolve;"
                        + " declare them: dns { record 'svc.internal', '127.0.0.1' }");
    }

    @Test
    void theHostsFileReplacesTheSystemsLinesForOurNamesAndFaultsRewriteThem() {
        String system = "127.0.0.1 localhost\n10.0.0.1 Svc.Test.Internal other # old\n10.0.0.2 kept.internal\n";
        DnsRecords records = DnsRecords.NONE.with(SVC, List.of("127.0.0.1"));

        String rendered = HostsFile.render(system, records);

        assertThat(rendered).isEqualTo("127.0.0.1 localhost\n10.0.0.2 kept.internal\n127.0.0.1 " + SVC + "\n");
        assertThat(HostsFile.faulted(rendered, SVC, new NameFault.ServFail()))
                .hasValue("127.0.0.1 localhost\n10.0.0.2 kept.internal\n");
        assertThat(HostsFile.faulted(rendered, SVC, new NameFault.WrongAnswer(DnsFixture.ip("127.0.0.99"))))
                .hasValue("127.0.0.1 localhost\n10.0.0.2 kept.internal\n127.0.0.99 " + SVC + "\n");
        assertThat(HostsFile.faulted(rendered, SVC, new NameFault.Latency(Duration.ofSeconds(1)))).isEmpty();
    }
}
