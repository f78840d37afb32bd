package dev.shakedown.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * The demo database: an in-memory H2 database {@code mem:demo} with a seeded {@code orders} table, served over
 * H2's TCP protocol on 127.0.0.1. There is one such database per JVM.
 */
public final class Db implements AutoCloseable {
    static final String DATABASE = "mem:demo";
    static final String USER = "sa";
    static final String PASSWORD = "";

    // DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not until its last connection closes, so clients
    // that come and go (and a TCP server that is stopped and started again) always find the same data
    private static final String LOCAL_URL = "jdbc:h2:" + DATABASE + ";DB_CLOSE_DELAY=-1";

    private final Server server;

    private Db(Server server) {
        this.server = server;
    }

    /** Creates and seeds the database, then serves it on 127.0.0.1:{@code port} (0 picks a free port). */
    public static Db start(int port) throws SQLException {
        H2Settings.apply();
        try (Connection c = connectLocally(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS orders(id INT PRIMARY KEY, item VARCHAR(100))");
            s.execute("MERGE INTO orders KEY(id) VALUES (1, 'keyboard'), (2, 'monitor'), (3, 'headset')");
        }
        // no -tcpAllowOthers: only loopback clients; no -ifNotExists: clients reach mem:demo, they cannot
        // create other databases
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
        return new Db(server);
    }

    static Connection connectLocally() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", PASSWORD);
        return new org.h2.Driver().connect(LOCAL_URL, credentials);
    }

    public int port() {
        return server.getPort();
    }

    /** Stops serving and drops the database, so the next {@link #start} in this JVM begins from the seed. */
    @Override
    public void close() throws SQLException {
        server.stop();
        try (Connection c = connectLocally(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
