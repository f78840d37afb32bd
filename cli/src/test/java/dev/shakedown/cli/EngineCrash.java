package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.ledger.LedgerReplay;
import dev.shakedown.engine.ledger.LedgerReplay.OpenRecord;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One engine of the crash matrix: the CLI runs a script as its own JVM, is SIGKILLed while its faults are in
 * effect (no rollback, no shutdown hook), and {@code shakedown rollback} then undoes what it left from the
 * ledger alone. The engine runs in the test's folder with a relative {@code --state}, and the rollback runs
 * from this JVM's working directory with the absolute one, as a person may run it: every path the ledger
 * holds must still name the same file.
 */
final class EngineCrash implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(2);
    /** A process that is gone must be gone at once after a rollback; this only absorbs the kernel's tear-down. */
    private static final Duration TEAR_DOWN = Duration.ofSeconds(5);
    /** The progress line of a fault in effect: {@code 0.381s    ok  inject partition('a')  ...}. */
    private static final Pattern INJECTED = Pattern.compile("\\bok\\s+inject ");

    /** A process of the dead engine's tree, named by PID and start time so that a reused PID is not mistaken for it. */
    record Started(long pid, Instant start) {
        boolean running() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().startInstant()).filter(start::equals).isPresent()
                    && procState(pid) != 'Z';
        }
    }

    private final Path dir;
    private final Process cli;
    private List<Started> tree = List.of();

    private EngineCrash(Path dir, Process cli) {
        this.dir = dir;
        this.cli = cli;
    }

    /** Starts {@code shakedown run} on the script in {@code dir}, with {@code dir/state} as its state directory. */
    static EngineCrash start(Path dir, String script) throws IOException {
        Files.writeString(dir.resolve("crash.chaos.groovy"), script);
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        Process cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "crash.chaos.groovy", "--out", "artifacts", "--state", "state", "--no-color")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
        return new EngineCrash(dir, cli);
    }

    Path state() {
        return dir.resolve("state").toAbsolutePath();
    }

    /** Waits until the engine reports this many faults applied (it writes each ledger record before, the line after). */
    void awaitInjected(int faults) {
        await().atMost(START).until(() -> !cli.isAlive() || INJECTED.matcher(log()).results().count() >= faults);
        assertThat(cli.isAlive()).as(this::log).isTrue();
    }

    List<OpenRecord> open() {
        return LedgerReplay.list(state());
    }

    /** The data of the newest open record with this action. */
    Map<String, Object> data(String action) {
        return open().stream().filter(r -> r.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + action + " record in " + open())).data();
    }

    /** The open record whose {@code what} is exactly this, e.g. {@code partition('a')}. */
    Optional<OpenRecord> openRecord(String what) {
        return open().stream().filter(r -> r.what().equals(what)).findFirst();
    }

    /** SIGKILL: the engine can neither roll back nor run a shutdown hook. Its process tree is noted first. */
    void kill() throws InterruptedException {
        tree = cli.descendants().flatMap(p -> p.info().startInstant().map(start -> new Started(p.pid(), start)).stream()).toList();
        cli.destroyForcibly().waitFor();
    }

    /** {@code shakedown rollback} from this JVM's working directory: exit 0, nothing left open. */
    Cli.Result rollback() {
        Cli.Result r = Cli.run("rollback", "--state", state().toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.all()).contains("rolled back").doesNotContain("STILL OPEN");
        return r;
    }

    /** After the rollback: the ledger is closed, a second rollback finds nothing, and no process of the run is left. */
    void assertNothingLeft() {
        assertThat(open()).isEmpty();
        Cli.Result list = Cli.run("rollback", "--state", state().toString(), "--list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.all()).contains("no open ledger records");
        Cli.Result again = Cli.run("rollback", "--state", state().toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.all()).contains("nothing to roll back");
        await().atMost(TEAR_DOWN).untilAsserted(() -> assertThat(tree).filteredOn(Started::running).isEmpty());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("cli.log"));
        } catch (IOException e) {
            return "no log: " + e;
        }
    }

    /** Also after a failed test: the engine is ended and its ledger replayed, so no cgroup, rule or process outlives the test. */
    @Override
    public void close() throws IOException, InterruptedException {
        cli.destroyForcibly().waitFor();
        Cli.run("rollback", "--state", state().toString());
        tree.stream().filter(Started::running).forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
        Cli.killAndUnmount(cli, dir);
    }

    /** How many live processes carry this text (a helper's token) on their command line. */
    static long carrying(String token) {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).contains(token);
            } catch (IOException gone) {
                return false;
            }
        }).count();
    }

    /** The state letter of /proc/PID/stat ({@code T} stopped, {@code Z} zombie), {@code '-'} once it is gone. */
    static char procState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException gone) {
            return '-';
        }
    }

    /** Nothing listens on the loopback port any more: a connection is refused, and a new listener can take it. */
    static void assertReleased(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            throw new AssertionError("127.0.0.1:" + port + " still accepts connections");
        } catch (ConnectException refused) {
            // as it should be
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    /** Runs a command to its end (at most a minute) and returns its exit code and output. */
    static Command run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Command(p.exitValue(), output);
    }

    record Command(int exitCode, String output) {}
}
