package dev.shakedown.cli;

import static dev.shakedown.cli.EngineCrash.carrying;
import static dev.shakedown.cli.EngineCrash.procState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shakedown.engine.ledger.LedgerReplay.OpenRecord;
import dev.shakedown.engine.spi.UndoAction;
import dev.shakedown.stdlib.FreePorts;
import dev.shakedown.stdlib.clock.LibFaketime;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash matrix: for each kind of fault, an engine is SIGKILLed during its hold, and {@code shakedown rollback}
 * must undo what it left, from the ledger alone. Every test checks the ledger's open records before, the real
 * effect during the hold, after the kill and after the rollback, and then that the ledger is closed and no
 * process of the dead engine's tree is left ({@link EngineCrash#assertNothingLeft}). The README's crash matrix
 * table is this class.
 */
class CrashMatrixTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir Path dir;
    private EngineCrash engine;

    @AfterEach
    void cleanUp() throws Exception {
        if (engine != null) engine.close();
    }

    /** kill and terminate leave dead processes and live ones (an untouched one, one a recover restarted): all are stopped. */
    @Test
    void launchedProcessesAreStoppedRestartedOnesToo() throws Exception {
        engine = EngineCrash.start(dir, """
                component 'crash'
                def sut = demoSystem()
                process 'bystander', command: ['sleep', '600']
                scenario 'restart' {
                    inject kill('guardian')
                    recover
                }
                scenario 'crash' {
                    inject terminate('gateway')
                    inject kill('db')
                    hold 10.min
                    recover
                }
                """);
        engine.awaitInjected(3);
        assertThat(engine.openRecord("kill('db')")).isPresent();
        assertThat(engine.openRecord("terminate('gateway')")).isPresent();
        List<OpenRecord> launched = engine.open().stream().filter(r -> r.action().equals("kill-process")).toList();
        // db, guardian, gateway, bystander, and the guardian the first scenario's recover restarted
        assertThat(launched).hasSize(5);

        engine.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedAlive(launched) == 2); // the gateway ends on its SIGTERM
        assertThat(launched).filteredOn(r -> r.what().contains("restarted")).singleElement()
                .satisfies(r -> assertThat(recordedAlive(List.of(r))).isEqualTo(1));

        Cli.Result r = engine.rollback();

        assertThat(r.out()).contains("killed PID");
        assertThat(recordedAlive(launched)).isZero();
        engine.assertNothingLeft();
    }

    /** The link proxy is a thread of the engine: its connections end with it and its ports are free; nothing to undo. */
    @Test
    void linkFaultsEndWithTheEngine() throws Exception {
        List<Integer> ports = FreePorts.pick(4);
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            engine = EngineCrash.start(dir, """
                    component 'crash'
                    ['a', 'b', 'c', 'd'].eachWithIndex { name, i ->
                        link name, listen: [%d, %d, %d, %d][i], upstream: '127.0.0.1:%d'
                    }
                    scenario 'links' {
                        inject partition('a')
                        inject latency('b', 5.s)
                        inject timeout('c')
                        inject reset('d')
                        hold 10.min
                        recover
                    }
                    """.formatted(ports.get(0), ports.get(1), ports.get(2), ports.get(3), upstream.getLocalPort()));
            engine.awaitInjected(4);
            assertThat(engine.open()).extracting(OpenRecord::what)
                    .contains("partition('a')", "timeout('c')", "reset('d')", "link 'a'", "link 'd'");
            List<Socket> clients = new ArrayList<>();
            for (int port : ports) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                clients.add(client);
                try {
                    client.getOutputStream().write("held by a fault\n".getBytes(StandardCharsets.UTF_8));
                } catch (SocketException resetByTheFault) {
                    // reset('d') may end its connection before this write; ended() counts a reset as ended.
                }
            }

            engine.kill();

            for (Socket client : clients) {
                try (client) {
                    assertThat(ended(client)).as("a connection through a link of the dead engine").isTrue();
                }
            }
            for (int port : ports) EngineCrash.assertReleased(port);
            engine.rollback();
            engine.assertNothingLeft();
        }
    }

    /** Firewall rules outlive the engine: they still block after the kill, and rollback deletes them by their tag. */
    @Test
    void firewallRulesAreDeletedByTheirTag() throws Exception {
        assumeTrue(ROOT, "firewall rules need root");
        String namespace = "sd-crash-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        assumeTrue(EngineCrash.run("ip", "netns", "add", namespace).exitCode() == 0, "no network namespaces here (iproute2)");
        try {
            EngineCrash.run("ip", "-n", namespace, "link", "set", "lo", "up");
            int port = FreePorts.pick();
            assumeTrue(!rules(namespace).isBlank(), "neither iptables nor nft works here");
            assertThat(connect(namespace, port)).isEqualTo(Reach.REFUSED);
            engine = EngineCrash.start(dir, """
                    component 'crash'
                    scenario 'firewall' {
                        inject firewall.partition(host: '127.0.0.1', port: %d, netns: '%s')
                        hold 10.min
                        recover
                    }
                    """.formatted(port, namespace));
            engine.awaitInjected(1);
            String tag = UndoAction.text(engine.data("firewall-delete"), "tag");
            assertThat(rules(namespace)).contains(tag);
            assertThat(connect(namespace, port)).isEqualTo(Reach.DROPPED);

            engine.kill();
            assertThat(rules(namespace)).contains(tag);
            assertThat(connect(namespace, port)).isEqualTo(Reach.DROPPED);

            engine.rollback();

            assertThat(rules(namespace)).doesNotContain(tag).doesNotContain("shakedown:");
            assertThat(connect(namespace, port)).isEqualTo(Reach.REFUSED);
            engine.assertNothingLeft();
        } finally {
            EngineCrash.run("ip", "netns", "del", namespace);
        }
    }

    /** The memory hog ends itself when the engine dies; the cgroup limit stays until rollback moves the target back and removes it. */
    @Test
    void memoryHogEndsItselfAndTheCgroupIsRemoved() throws Exception {
        Path memory = Path.of("/sys/fs/cgroup/memory");
        assumeTrue(Files.exists(memory.resolve("memory.limit_in_bytes")), "no cgroup v1 memory controller here");
        assumeTrue(ROOT && Files.isWritable(memory), "a memory cgroup needs root");
        engine = EngineCrash.start(dir, """
                component 'crash'
                process 'sleeper', command: ['sleep', '600']
                scenario 'memory' {
                    inject memory(size: 64.mb)
                    inject memory(target: 'sleeper', limit: 256.mb)
                    hold 10.min
                    recover
                }
                """);
        engine.awaitInjected(2);
        String token = UndoAction.text(engine.data("kill-helper"), "token");
        Path group = Path.of(UndoAction.text(engine.data("cgroup-remove"), "path"));
        long sleeper = UndoAction.number(engine.data("kill-process"), "pid");
        assertThat(carrying(token)).isPositive();
        assertThat(Files.readString(group.resolve("cgroup.procs")).lines()).contains(String.valueOf(sleeper));

        engine.kill();
        // DeadMansSwitch: the hog notices within a second that the engine is gone, before any rollback.
        await().atMost(Duration.ofSeconds(5)).until(() -> carrying(token) == 0);
        assertThat(group).isDirectory();

        engine.rollback();

        assertThat(group).doesNotExist();
        engine.assertNothingLeft();
    }

    /** The DNS server dies with the engine; the hosts file a hostsFile: true process reads must get its records back. */
    @Test
    void dnsHostsFileIsRestored() throws Exception {
        int port = FreePorts.pick();
        engine = EngineCrash.start(dir, """
                component 'crash'
                dns(port: %d) { record 'svc.crash.internal', '127.0.0.1' }
                process 'resolver', command: ['sleep', '600'], hostsFile: true
                scenario 'dns' {
                    inject dnsFailure('svc.crash.internal', mode: 'nxdomain')
                    hold 10.min
                    recover
                }
                """.formatted(port));
        engine.awaitInjected(1);
        Map<String, Object> restore = engine.data("restore-file");
        Path hosts = Path.of(UndoAction.text(restore, "path"));
        String original = UndoAction.text(restore, "content");
        assertThat(original).contains("svc.crash.internal");
        assertThat(Files.readString(hosts)).doesNotContain("svc.crash.internal");

        engine.kill();
        EngineCrash.assertReleased(port);
        assertThat(Files.readString(hosts)).doesNotContain("svc.crash.internal");

        engine.rollback();

        assertThat(hosts).hasContent(original);
        engine.assertNothingLeft();
    }

    /** stop, a disk fill on the demo's audit tmpfs, a clock skew and a CPU burner, all in effect at once. */
    @Test
    void stopDiskFillClockSkewAndCpuBurner() throws Exception {
        assumeTrue(ROOT, "the run mounts its tmpfs only as root");
        assumeTrue(LibFaketime.onThisMachine().library().isPresent(), "libfaketime is not installed");
        engine = EngineCrash.start(dir, """
                component 'crash'
                def sut = demoSystem(auditFs: 32.mb)

                scenario 'everythingAtOnce' {
                    inject clockSkew('guardian', 30.s)
                    inject disk(path: sut.auditDir, free: 0.mb, dedicatedOnly: true)
                    inject cpu(cores: 1, load: 50.percent)
                    inject stop('gateway')
                    hold 10.min
                    recover
                }
                """);
        engine.awaitInjected(4);
        Path fill = Path.of(UndoAction.text(engine.data("delete-file"), "path"));
        Path offset = Path.of(UndoAction.text(engine.data("write-file"), "path"));
        Path tmpfs = Path.of(UndoAction.text(engine.data("unmount"), "path"));
        String token = UndoAction.text(engine.data("kill-helper"), "token");
        long stopped = UndoAction.number(engine.data("sigcont"), "pid");
        assertThat(fill).exists();
        assertThat(carrying(token)).isPositive();
        assertThat(Files.readString(offset).trim()).isEqualTo("+30");
        assertThat(procState(stopped)).isEqualTo('T');

        engine.kill();
        assertThat(fill).exists();
        assertThat(procState(stopped)).isEqualTo('T');

        engine.rollback();

        assertThat(fill).doesNotExist();
        assertThat(procState(stopped)).isNotEqualTo('T');
        assertThat(Files.readString(offset).trim()).isEqualTo("+0");
        await().atMost(Duration.ofSeconds(5)).until(() -> carrying(token) == 0);
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(tmpfs.toString());
        engine.assertNothingLeft();
    }

    /** How many of the recorded launched processes are still the ones recorded (same PID and start time). */
    private static long recordedAlive(List<OpenRecord> records) {
        return records.stream().map(r -> new EngineCrash.Started(UndoAction.number(r.data(), "pid"),
                        Instant.ofEpochMilli(UndoAction.number(r.data(), "startTime"))))
                .filter(EngineCrash.Started::running).count();
    }

    /** The connection was closed or reset, rather than left hanging: a read ends within a few seconds. */
    private static boolean ended(Socket client) throws IOException {
        client.setSoTimeout(10_000);
        InputStream in = client.getInputStream();
        try {
            while (in.read() != -1) {
                // whatever was held and then let through; the end is what counts
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    enum Reach { REFUSED, DROPPED, OTHER }

    /**
     * A TCP connection to 127.0.0.1:port from inside the namespace, where nothing listens: REFUSED when the SYN
     * reached the stack (which answers with a reset), DROPPED when the firewall swallowed it (no answer in 2 s).
     */
    private static Reach connect(String namespace, int port) throws Exception {
        EngineCrash.Command c = EngineCrash.run("ip", "netns", "exec", namespace,
                "timeout", "2", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port);
        if (c.exitCode() == 124) return Reach.DROPPED;
        return c.output().contains("Connection refused") ? Reach.REFUSED : Reach.OTHER;
    }

    /** Every rule in the namespace, as iptables, ip6tables and nft list them (a missing tool lists nothing). */
    private static String rules(String namespace) throws Exception {
        StringBuilder all = new StringBuilder();
        for (List<String> listing : List.of(List.of("iptables", "-S"), List.of("ip6tables", "-S"), List.of("nft", "list", "ruleset"))) {
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
            command.addAll(listing);
            EngineCrash.Command c = EngineCrash.run(command.toArray(String[]::new));
            if (c.exitCode() == 0) all.append(c.output());
        }
        return all.toString();
    }
}
