package dev.shakedown.stdlib.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shakedown.engine.spi.Fault;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real foreign dependency behind a link: PostgreSQL, spoken to by its own JDBC driver. */
class PostgresLinkTest {
    private static PostgresServer postgres;

    @TempDir
    Path dir;
    LinkFixture pg;
    /** setNetworkTimeout wants an executor; the query that waits out a stall runs on it too. */
    ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) postgres.close();
    }

    @BeforeEach
    void startLink() throws Exception {
        pg = LinkFixture.named("pg", "127.0.0.1:" + postgres.port(), dir);
    }

    @AfterEach
    void stopLink() throws Exception {
        pg.close();
        executor.shutdownNow();
    }

    private Connection connect(int networkTimeoutMillis) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "5");
        Connection connection = DriverManager.getConnection("jdbc:postgresql://" + pg.link.address() + "/postgres", props);
        connection.setNetworkTimeout(executor, networkTimeoutMillis);
        return connection;
    }

    private static int query(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select 42")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The driver's socket timeout (setNetworkTimeout: milliseconds; the URL's socketTimeout counts whole
     * seconds) fails the query. PgJDBC then closes that connection itself, as it does after any I/O error;
     * a pool replaces it. The link keeps serving: after heal, a new connection works at once.
     */
    @Test
    void underTimeoutAQueryWithA500MillisecondSocketTimeoutFails() throws Exception {
        try (Connection connection = connect(500)) {
            assertThat(query(connection)).isEqualTo(42);
            Fault timeout = pg.inject("timeout", Map.of());

            long start = System.nanoTime();
            assertThatThrownBy(() -> query(connection)).isInstanceOf(SQLException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThat((System.nanoTime() - start) / 1e6).isBetween(500.0, 2_000.0);
            assertThat(connection.isClosed()).as("the driver gives up a connection whose read timed out").isTrue();

            pg.heal(timeout);
            try (Connection fresh = connect(500)) {
                assertThat(query(fresh)).isEqualTo(42);
            }
        }
    }

    /** The link never drops a stalled connection: a pooled connection idle during the fault works after heal. */
    @Test
    void anIdlePooledConnectionSurvivesTheTimeoutAndWorksAfterHeal() throws Exception {
        try (Connection pooled = connect(500); Connection busy = connect(500)) {
            assertThat(query(pooled)).isEqualTo(42);
            Fault timeout = pg.inject("timeout", Map.of());
            assertThatThrownBy(() -> query(busy)).isInstanceOf(SQLException.class);

            pg.heal(timeout);

            assertThat(query(pooled)).isEqualTo(42);
            assertThat(pg.link.details()).containsEntry("acceptedConnections", 2L);
        }
    }

    /** A query that is still waiting when the link heals completes, on the same connection. */
    @Test
    void aQueryWaitingOutTheStallCompletesOnTheSameConnection() throws Exception {
        try (Connection patient = connect(10_000)) {
            Fault timeout = pg.inject("timeout", Map.of());
            Future<Integer> answer = executor.submit(() -> query(patient));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !answer.isDone());

            pg.heal(timeout);

            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(query(patient)).isEqualTo(42);
        }
    }
}
