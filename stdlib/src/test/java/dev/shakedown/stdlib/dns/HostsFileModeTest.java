package dev.shakedown.stdlib.dns;

import static dev.shakedown.stdlib.dns.DnsFixture.SVC;
import static dev.shakedown.stdlib.dns.DnsFixture.dnsFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM launched with hostsFile: true resolves the script's records, and sees dnsFailure without knowing of the dns server. */
class HostsFileModeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path runDir;
    TestRun run;
    Path log;

    @BeforeEach
    void launchAResolvingJvm() throws Exception {
        ResourceSpec dns = DnsFixture.spec(Map.of(SVC, List.of("127.0.0.1")));
        ResourceSpec resolver = TestRun.process("resolver", Map.of("command", command(), "hostsFile", true));
        run = new TestRun(runDir).withPlan(ExperimentPlan.ofResources("test", List.of(dns, resolver)));
        run.start(dns);
        run.start(resolver);
        log = runDir.resolve("logs/resolver.log");
    }

    @AfterEach
    void stopEverything() {
        run.close();
    }

    private static List<String> command() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(ResolveLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classes, ResolveLoop.class.getName(), SVC);
    }

    /** The last line the child has printed so far; empty before its first. */
    private String lastLine() throws Exception {
        if (!Files.exists(log)) return "";
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void resolvesFailsDuringTheFaultAndResolvesAgainAfterRollback() throws Exception {
        await().atMost(PATIENCE).until(() -> lastLine().equals("ok 127.0.0.1"));
        String original = Files.readString(HostsFile.in(runDir));

        Fault fault = new DnsFailureInjector().prepare(dnsFailure(SVC, Map.of("mode", "nxdomain")), run);
        UndoRecord undo = fault.undoRecord();
        fault.apply();

        assertThat(undo.action()).isEqualTo("restore-file");
        assertThat(undo.data()).containsEntry("path", HostsFile.in(runDir).toString()).containsEntry("content", original);
        assertThat(String.valueOf(fault.details().get("hostsFile"))).contains("UnknownHostException");
        await().atMost(PATIENCE).until(() -> lastLine().startsWith("fail java.net.UnknownHostException"));

        fault.rollback();

        assertThat(HostsFile.in(runDir)).hasContent(original);
        await().atMost(PATIENCE).until(() -> lastLine().equals("ok 127.0.0.1"));
    }

    @Test
    void aWrongAnswerReachesTheJvmToo() throws Exception {
        await().atMost(PATIENCE).until(() -> lastLine().equals("ok 127.0.0.1"));

        Fault fault = new DnsFailureInjector().prepare(dnsFailure(SVC, Map.of("answer", "127.0.0.99")), run);
        fault.apply();
        await().atMost(PATIENCE).until(() -> lastLine().equals("ok 127.0.0.99"));

        fault.rollback();
        await().atMost(PATIENCE).until(() -> lastLine().equals("ok 127.0.0.1"));
    }
}
