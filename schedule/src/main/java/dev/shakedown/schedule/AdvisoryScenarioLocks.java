package dev.shakedown.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The leases of a cluster: PostgreSQL session advisory locks, one connection per lease. The server drops a
 * connection's locks when the connection ends, so a node killed mid-experiment frees its scenarios for the
 * node that recovers the firing; the connection's application name says which node and firing holds them.
 */
final class AdvisoryScenarioLocks implements ScenarioGuard.Locks {
    /** PostgreSQL shows a bigint advisory key as its high and low 32 bits, with objsubid 1. */
    private static final String HOLDER = "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid::bigint = ? AND l.objid::bigint = ?"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    /** PostgreSQL cuts an application name at 63 bytes. */
    private static final int NAME_BYTES = 63;

    private final JobStore store;

    AdvisoryScenarioLocks(JobStore store) {
        this.store = store;
    }

    @Override
    public ScenarioGuard.Attempt tryHold(List<Long> keys, String holder) throws SQLException {
        Connection c = store.connect();
        try {
            try (PreparedStatement name = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, shortened(holder));
                name.execute();
            }
            for (long key : keys) {
                if (!tryLock(c, key)) {
                    String busyWith = holderOf(c, key);
                    c.close(); // drops the keys taken so far
                    return ScenarioGuard.Attempt.busy(busyWith);
                }
            }
            return ScenarioGuard.Attempt.held(() -> closeQuietly(c));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /** The application name of the connection that holds the key; "another node" if it let go meanwhile. */
    private static String holderOf(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HOLDER)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xffff_ffffL);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && !r.getString(1).isEmpty() ? r.getString(1) : "another node";
            }
        }
    }

    private static String shortened(String holder) {
        byte[] bytes = holder.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= NAME_BYTES) return holder;
        String cut = new String(bytes, 0, NAME_BYTES, java.nio.charset.StandardCharsets.UTF_8);
        // A cut through a multi-byte character leaves a replacement character: drop it.
        return cut.replaceAll("\uFFFD+$", "");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // A connection that cannot close is gone, and its locks with it.
        }
    }

}
