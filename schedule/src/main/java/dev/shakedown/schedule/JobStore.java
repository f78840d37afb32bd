package dev.shakedown.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the schedules live: Quartz's JDBC job store, so that triggers, their next fire times and their
 * misfires survive a restart. The default is an H2 file under the state directory; a PostgreSQL URL makes
 * Quartz run clustered, so several nodes share the schedules and each firing runs on one of them.
 * The tables are created from the DDL that ships in the Quartz jar when the store has none yet.
 */
public record JobStore(String url, String user, String password) {
    /** How late a firing may be before it counts as missed (the misfire policy decides what happens then). */
    public static final long MISFIRE_THRESHOLD_MS = 5_000;
    /**
     * How often a clustered node tells the store it lives (Quartz's default); a node silent for this long plus
     * Quartz's fixed 7.5 s grace counts as dead and its running firings are recovered by another node.
     * {@code -Dshakedown.schedule.checkinMs} changes it (tests use 1 s).
     */
    static final long CHECKIN_MS = Long.getLong("shakedown.schedule.checkinMs", 7_500);

    /** The embedded default: {@code <state>/schedules/quartz.mv.db}. */
    public static JobStore embedded(Path state) {
        return new JobStore("jdbc:h2:file:" + state.toAbsolutePath().normalize().resolve("schedules").resolve("quartz"), "sa", "");
    }

    /** {@code jdbc:postgresql://host:port/db?user=u&password=p}, or user and password from the environment. */
    public static JobStore of(String url) {
        if (!isPostgres(url) && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("--store takes a jdbc:postgresql:// or jdbc:h2: URL, not '" + url + "'");
        }
        return new JobStore(url, env("SHAKEDOWN_STORE_USER"), env("SHAKEDOWN_STORE_PASSWORD"));
    }

    public boolean clustered() {
        return isPostgres(url);
    }

    /** The URL without credentials, for messages. */
    public String shown() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return shown();
    }

    /** Creates Quartz's tables if the store has none; fails with a sentence when the store cannot be reached. */
    public void prepare() throws SQLException, IOException {
        if (url.startsWith("jdbc:h2:file:")) Files.createDirectories(Path.of(url.substring("jdbc:h2:file:".length())).getParent());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try {
                s.executeQuery("SELECT COUNT(*) FROM QRTZ_LOCKS").close();
                return;
            } catch (SQLException noTables) {
                if (!c.getAutoCommit()) c.rollback();
            }
            for (String statement : ddl()) s.execute(statement);
            if (!c.getAutoCommit()) c.commit();
        }
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /**
     * The scheduler's worker threads. Experiments queue for the host's run lock, so a few would do; but Quartz
     * takes at most as many due firings per store transaction as it has free threads, and firings due in the
     * same second otherwise go through the store one after the other (about 4 ms each with 1,000 schedules
     * on H2: see BENCHMARKS.md). Clustered, a node acquires one firing at a time and keeps 4 threads, so
     * firings due together spread over the nodes instead of queueing behind one node's run lock.
     */
    private int threads() {
        return clustered() ? 4 : 10;
    }

    /** The Quartz configuration of a scheduler on this store. */
    Properties quartzProperties(String instanceName) {
        int threads = threads();
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", instanceName);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "shakedown-schedule");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", clustered()
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "shakedown");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
        // Job data holds strings only, so a store stays readable by any build of Shakedown.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered()));
        if (clustered()) {
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN_MS));
            // Nodes acquire triggers under the store's row lock, so two nodes never acquire the same firing.
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        } else {
            // The firings due at the same moment, up to one per thread, acquired and fired in one transaction each.
            p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        }
        p.setProperty("org.quartz.dataSource.shakedown.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.shakedown.driver", clustered() ? "org.postgresql.Driver" : "org.h2.Driver");
        p.setProperty("org.quartz.dataSource.shakedown.URL", url);
        if (user != null) p.setProperty("org.quartz.dataSource.shakedown.user", user);
        if (password != null) p.setProperty("org.quartz.dataSource.shakedown.password", password);
        p.setProperty("org.quartz.dataSource.shakedown.maxConnections", Integer.toString(threads + 2));
        return p;
    }

    /** The statements of Quartz's own DDL for this database, without comments, DROPs and COMMITs. */
    private List<String> ddl() throws IOException {
        String file = clustered() ? "tables_postgres.sql" : "tables_h2.sql";
        try (InputStream in = org.quartz.Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + file)) {
            if (in == null) throw new IOException("the Quartz jar has no " + file);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            // Quartz's H2 script names its binary columns IMAGE, which H2 2.x no longer takes: BLOB is the same.
            if (!clustered()) text = text.replaceAll("\\bIMAGE\\b", "BLOB");
            return Arrays.stream(text.split(";")).map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.regionMatches(true, 0, "DROP ", 0, 5) && !s.equalsIgnoreCase("COMMIT"))
                    .toList();
        }
    }

    private static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
