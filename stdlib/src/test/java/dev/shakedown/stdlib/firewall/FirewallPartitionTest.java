package dev.shakedown.stdlib.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.ledger.Ledger;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real rules on real connections, in a network namespace of the test's own, on loopback only: the host's
 * firewall is never touched. A timeout of {@link #BLOCKED} tells a dropped packet from a delivered one
 * (loopback answers in microseconds); what must work again is awaited, since TCP retransmits on its own clock.
 */
class FirewallPartitionTest {
    static final int PORT = 5432;
    static final Duration BLOCKED = Duration.ofSeconds(1);
    static final Duration OPEN = Duration.ofSeconds(10);

    @TempDir
    Path runDir;
    TestRun run;
    NetworkNamespace namespace;
    PeerClient peer;

    @BeforeEach
    void namespaceWithAPeer() throws Exception {
        Tool.assumeRoot();
        run = new TestRun(runDir);
        namespace = NetworkNamespace.create();
        peer = PeerClient.start(namespace, PORT);
        assertThat(peer.connect(OPEN)).isEqualTo("ok");
        assertThat(peer.open(OPEN)).isEqualTo("ok");
        assertThat(peer.ping(OPEN)).isEqualTo("ok");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (peer != null) peer.close();
        } finally {
            if (namespace != null) namespace.close();
            if (run != null) run.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"IPTABLES, outbound", "IPTABLES, inbound", "NFT, outbound", "NFT, inbound"})
    void dropStallsNewAndOpenConnectionsUntilRolledBack(Tool tool, String direction) throws Exception {
        Fault fault = tool.injector().prepare(partition(Map.of("port", PORT, "direction", direction)), run);
        fault.apply();

        assertThat(fault.details()).containsEntry("tool", tool.command()).containsEntry("netns", namespace.name());
        assertThat(namespace.firewallRules()).contains((String) fault.details().get("tag"));
        assertThat(peer.connect(BLOCKED)).startsWith("failed SocketTimeoutException");
        assertThat(peer.ping(BLOCKED)).startsWith("failed SocketTimeoutException");

        fault.rollback();

        assertThat(namespace.firewallRules()).doesNotContain("shakedown");
        await("the open connection resumes").atMost(Duration.ofSeconds(60)).until(() -> peer.ping(BLOCKED).equals("ok"));
        assertThat(peer.connect(OPEN)).isEqualTo("ok");
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void rejectResetsNewAndOpenConnectionsAtOnce(Tool tool) throws Exception {
        Fault fault = tool.injector().prepare(partition(Map.of("host", "localhost", "port", PORT, "mode", "reject", "direction", "both")), run);
        fault.apply();

        // Refused and reset, not timed out: the connections fail long before the generous timeout.
        assertThat(peer.connect(OPEN)).startsWith("failed ConnectException: Connection refused");
        assertThat(peer.ping(OPEN)).startsWith("failed SocketException: Connection reset");

        fault.rollback();

        assertThat(namespace.firewallRules()).doesNotContain("shakedown");
        assertThat(peer.connect(OPEN)).isEqualTo("ok");
        assertThat(peer.open(OPEN)).isEqualTo("ok");
        assertThat(peer.ping(OPEN)).isEqualTo("ok");
    }

    /** What a ledger replay does after the engine died: the record, read back from the ledger file, is all it has. */
    @ParameterizedTest
    @EnumSource(Tool.class)
    void theLedgerRecordAloneDeletesTheRules(Tool tool) throws Exception {
        Fault fault = tool.injector().prepare(partition(Map.of("host", "127.0.0.1", "port", PORT, "direction", "both")), run);
        UndoRecord written = fault.undoRecord();
        assertThat(written.action()).isEqualTo(FirewallRules.ACTION);
        assertThat(written.data()).containsEntry("tool", tool.command()).containsEntry("netns", namespace.name());
        assertThat(written.manual()).startsWith("ip netns exec " + namespace.name() + " " + tool.command() + " ");
        fault.apply();
        assertThat(peer.connect(BLOCKED)).startsWith("failed SocketTimeoutException");

        UndoRecord replayed = throughTheLedger(written);
        FirewallRules.undo(replayed);

        assertThat(namespace.firewallRules()).doesNotContain("shakedown");
        assertThat(peer.connect(OPEN)).isEqualTo("ok");
        FirewallRules.undo(replayed); // a replay after a rollback that was not marked: nothing left, nothing to do
    }

    @Test
    void undoingAfterTheNamespaceIsGoneIsDone() throws Exception {
        Fault fault = Tool.IPTABLES.injector().prepare(partition(Map.of("port", PORT)), run);
        fault.apply();
        peer.close();
        namespace.close();

        fault.rollback();
    }

    @Test
    void aFailingToolIsReportedWithItsOwnMessageAndNothingIsLeftHalfDone(@TempDir Path bin) throws Exception {
        // ip6tables refuses to add, after iptables has added its half of the partition; listing still works.
        Path ip6tables = bin.resolve("ip6tables");
        Files.writeString(ip6tables, """
                #!/bin/sh
                case " $* " in *" -I "*) echo "ip6tables: simulated refusal" >&2; exit 4;; esac
                exec ip6tables "$@"
                """);
        Files.setPosixFilePermissions(ip6tables, PosixFilePermissions.fromString("rwx------"));
        FirewallPartitionInjector injector = new FirewallPartitionInjector(Map.of("ip6tables", ip6tables.toString()), ToolChoice::effectiveUid);
        Fault fault = injector.prepare(partition(Map.of("port", PORT)), run);

        assertThatThrownBy(fault::apply)
                .hasMessageContaining("ip6tables -w 5 -I OUTPUT 1 -p tcp --dport 5432")
                .hasMessageContaining("failed (exit 4): ip6tables: simulated refusal");

        assertThat(namespace.firewallRules()).doesNotContain("shakedown");
        assertThat(peer.connect(OPEN)).isEqualTo("ok");
    }

    /** The fault as a script writes it, acting in the test's namespace. */
    private FaultSpec partition(Map<String, Object> options) {
        Map<String, Object> inNamespace = new HashMap<>(options);
        inNamespace.put("netns", namespace.name());
        return Firewall.INSTANCE.partition(inNamespace);
    }

    /** Written by the engine's own ledger, read back as JSON, as a replay would find it. */
    private UndoRecord throughTheLedger(UndoRecord undo) throws Exception {
        Path file;
        try (Ledger ledger = Ledger.open(runDir, "replay-test")) {
            ledger.open("fault", "firewallPartition", undo);
            file = ledger.file();
        }
        Map<?, ?> line = JsonMapper.builder().build().readValue(Files.readAllLines(file).get(0), Map.class);
        Map<?, ?> record = (Map<?, ?>) line.get("undo");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) record.get("data");
        return new UndoRecord((String) record.get("action"), data, (String) record.get("manual"));
    }
}
