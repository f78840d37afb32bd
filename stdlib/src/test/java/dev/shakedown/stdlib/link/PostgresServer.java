package dev.shakedown.stdlib.link;

import dev.shakedown.stdlib.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from this machine's Debian packages, in a temporary data directory, listening on a
 * free port of 127.0.0.1 with trust authentication. PostgreSQL refuses to run as root, so as root its tools
 * run as the {@code postgres} user, who owns the directory. close() stops it and deletes the directory.
 * Shared with the tests of other modules through this module's test jar.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path bin;
    private final Path dir;
    private final int port;
    private boolean started;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    public static PostgresServer start() throws Exception {
        PostgresServer server = new PostgresServer(serverTools(), Files.createTempDirectory("shakedown-pg-"), FreePorts.pick());
        try {
            server.initAndStart();
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The postmaster's PID (the first line of its postmaster.pid); its backends are its child processes. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).strip());
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, trust authentication). */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + OS_USER;
    }

    /** The newest installed server's bin directory; its absence fails the test, it does not skip it. */
    private static Path serverTools() throws IOException {
        try (Stream<Path> versions = Files.isDirectory(INSTALLS) ? Files.list(INSTALLS) : Stream.empty()) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .orElseThrow(() -> new AssertionError("the PostgreSQL server is not installed (no " + INSTALLS
                            + "/*/bin/initdb): apt-get install -y postgresql (CI installs it)"));
        }
    }

    private void initAndStart() throws Exception {
        if (isRoot()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(OS_USER));
        }
        Path data = dir.resolve("data");
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        started = true;
    }

    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (isRoot()) line.addAll(List.of("runuser", "-u", OS_USER, "--"));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() throws Exception {
        try {
            if (started) run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
            }
        }
    }
}
