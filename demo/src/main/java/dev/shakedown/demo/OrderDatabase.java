package dev.shakedown.demo;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The gateway's connections to the demo db. Every failure is bounded in time (so the gateway fails closed fast)
 * and throws the connection away (so the gateway recovers as soon as the db is back).
 */
final class OrderDatabase implements AutoCloseable {
    /**
     * NETWORK_TIMEOUT is H2's client socket read timeout, which also bounds the login handshake: without it a
     * stalled link would block a request forever (H2 ignores {@code Connection.setNetworkTimeout}). QUERY_TIMEOUT
     * bounds the query on the server side. The connect timeout is {@code h2.socketConnectTimeout} ({@link H2Settings}).
     */
    static final int TIMEOUT_MILLIS = 500;

    // H2 error code of a query cancelled by QUERY_TIMEOUT
    private static final int STATEMENT_CANCELED = 57014;

    private final String url;
    private final Properties credentials = new Properties();
    private final org.h2.Driver driver = new org.h2.Driver();
    // idle connections; concurrent requests each take their own, so one slow query does not queue the others
    private final BlockingQueue<Connection> idle;

    OrderDatabase(String hostPort, int maxIdle) {
        this.url = "jdbc:h2:tcp://" + hostPort + "/" + Db.DATABASE
                + ";NETWORK_TIMEOUT=" + TIMEOUT_MILLIS + ";QUERY_TIMEOUT=" + TIMEOUT_MILLIS;
        credentials.setProperty("user", Db.USER);
        credentials.setProperty("password", Db.PASSWORD);
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    int countOrders() throws FailClosedException {
        Connection reused = idle.poll();
        if (reused != null) {
            try {
                return countAndKeep(reused);
            } catch (SQLException e) {
                closeQuietly(reused);
                // a timeout already spent the whole budget: no second try
                if (isTimeout(e)) throw new FailClosedException(Reason.DB_TIMEOUT, e);
                // the db went away (restart, reset) since this connection was last used, and so did the other
                // idle ones: drop them all and try once on a fresh connection
                discardIdle();
            }
        }
        Connection fresh = null;
        try {
            fresh = driver.connect(url, credentials);
            return countAndKeep(fresh);
        } catch (SQLException e) {
            if (fresh != null) closeQuietly(fresh);
            throw new FailClosedException(isTimeout(e) ? Reason.DB_TIMEOUT : Reason.DB_UNAVAILABLE, e);
        }
    }

    private int countAndKeep(Connection c) throws SQLException {
        int count;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            count = rs.getInt(1);
        }
        if (!idle.offer(c)) c.close();
        return count;
    }

    private static boolean isTimeout(SQLException e) {
        if (e.getErrorCode() == STATEMENT_CANCELED) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) return true;
        }
        return false;
    }

    private void discardIdle() {
        List<Connection> stale = new ArrayList<>();
        idle.drainTo(stale);
        stale.forEach(OrderDatabase::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the connection is broken already; closing it is only to free the socket
        }
    }

    @Override
    public void close() {
        discardIdle();
    }
}
