package com.sportsbook.controlplane;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded run mode: when {@code PLATFORM_EMBEDDED_POSTGRES_PORT} is set (scripts/run does so unless
 * DATABASE_URL names a real server), the control plane starts PostgreSQL 18 in-process on that port before Spring
 * starts, and the runtime connects to the same server. Never used in production.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    static void startIfRequested() {
        String port = System.getenv("PLATFORM_EMBEDDED_POSTGRES_PORT");
        if (port == null || port.isBlank()) {
            return;
        }
        String dataDir = System.getenv().getOrDefault("PLATFORM_EMBEDDED_POSTGRES_DIR", ".run/pgdata");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(Integer.parseInt(port))
                    .setDataDirectory(Path.of(dataDir))
                    .setCleanDataDirectory(true)
                    .start();
            System.setProperty("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            System.setProperty("spring.datasource.username", "postgres");
            System.setProperty("spring.datasource.password", "postgres");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
            log.info("embedded PostgreSQL 18 listening on port {} (data in {})", postgres.getPort(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on port " + port, e);
        }
    }
}
