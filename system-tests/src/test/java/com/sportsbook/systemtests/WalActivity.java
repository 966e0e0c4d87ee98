package com.sportsbook.systemtests;

import com.sportsbook.commons.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the PostgreSQL server wrote to its WAL between two readings, and how many checkpoints began: a benchmark run
 * that a checkpoint overlapped writes full-page images of the pages it touches first after it, and its tail can be
 * read against that. Server-wide ({@code pg_stat_wal}; the checkpoints from {@code pg_stat_bgwriter}, or from
 * {@code pg_stat_checkpointer} since PostgreSQL 17).
 */
record WalActivity(long bytes, long records, long fullPageImages, long checkpoints) {

    static WalActivity read(TestDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            String checkpoints = connection.getMetaData().getDatabaseMajorVersion() >= 17
                    ? "(SELECT num_timed + num_requested FROM pg_stat_checkpointer)"
                    : "(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)";
            try (ResultSet row = statement.executeQuery(
                    "SELECT wal_bytes, wal_records, wal_fpi, " + checkpoints + " FROM pg_stat_wal")) {
                row.next();
                return new WalActivity(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server's WAL statistics", e);
        }
    }

    /** Per operation since {@code before}, for a report line. */
    String perOperationSince(WalActivity before, long operations) {
        long ops = Math.max(1, operations);
        long written = bytes - before.bytes;
        return "WAL per bet: %.1f KB, %.0f records, %.2f full-page images; checkpoints begun: %d".formatted(
                written / 1024.0 / ops, (records - before.records) / (double) ops,
                (fullPageImages - before.fullPageImages) / (double) ops, checkpoints - before.checkpoints);
    }
}
