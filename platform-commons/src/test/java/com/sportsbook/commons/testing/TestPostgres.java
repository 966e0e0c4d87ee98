package com.sportsbook.commons.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for a test class. By default it lives in one embedded PostgreSQL 18 started once per
 * JVM; with {@code DATABASE_URL} (a JDBC URL of any database on the server) plus {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}, it is created on that real server instead. Either way every call gets an empty
 * database of its own, so test classes never see each other's tenants.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> CREATED_ON_REAL_SERVER = new java.util.ArrayList<>();

    private TestPostgres() {
    }

    public static synchronized TestDatabase freshDatabase() {
        Server server = server();
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + server.adminUrl(), e);
        }
        if (usesRealServer()) {
            if (CREATED_ON_REAL_SERVER.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server), "drop-test-databases"));
            }
            CREATED_ON_REAL_SERVER.add(name);
        }
        return new TestDatabase(server.urlFor(name), server.user(), server.password(), server.kind());
    }

    /** A real server outlives the tests: leave it as it was. */
    private static synchronized void dropAll(Server server) {
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            for (String name : CREATED_ON_REAL_SERVER) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + CREATED_ON_REAL_SERVER + ": " + e.getMessage());
        }
    }

    /** Whether the tests run against a real server named by DATABASE_URL rather than the embedded one. */
    public static boolean usesRealServer() {
        String url = System.getenv("DATABASE_URL");
        return url != null && !url.isBlank();
    }

    private static Server server() {
        if (usesRealServer()) {
            String url = System.getenv("DATABASE_URL");
            String user = envOr("DATABASE_USER", "postgres");
            String password = envOr("DATABASE_PASSWORD", "");
            return new Server(url, url.substring(0, url.lastIndexOf('/') + 1), user, password, "real server " + url);
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory is removed by the OS eventually
                }
            }));
        }
        String base = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
        return new Server(base + "postgres", base, "postgres", "postgres", "embedded PostgreSQL on port " + embedded.getPort());
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String adminUrl, String base, String user, String password, String kind) {
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            return base + database + (query >= 0 ? adminUrl.substring(query) : "");
        }
    }
}
