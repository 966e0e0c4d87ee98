package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One pooled connection serving two tenants in turn, as the runtime's pool does: each transaction reads its own
 * tenant's tables even through a statement the driver has prepared on the server for the other, the prepared
 * statements survive the switch (no re-parse per transaction), and a connection without a tenant sees no tables.
 */
class SchemaPerTenantConnectionsIT {

    private static final String READ = "SELECT v FROM probe ORDER BY v";
    private static HikariDataSource pool;
    private static SchemaPerTenantConnectionProvider connections;

    @BeforeAll
    static void twoTenantsOnOneConnection() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        config.setConnectionInitSql(SchemaPerTenantConnectionProvider.NO_SCHEMA);
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String tenant : List.of("alpha", "bravo")) {
                String schema = new TenantSlug(tenant).schema().quoted();
                statement.execute("CREATE SCHEMA " + schema);
                statement.execute("CREATE TABLE " + schema + ".probe (v text)");
                statement.execute("INSERT INTO " + schema + ".probe VALUES ('" + tenant + "')");
            }
        }
        connections = new SchemaPerTenantConnectionProvider(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void eachTenantReadsItsOwnTablesThroughStatementsPreparedForTheOther() throws SQLException {
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String tenant : List.of("alpha", "bravo")) {
                Connection connection = connections.getConnection(tenant);
                try {
                    connection.setAutoCommit(false);
                    for (int i = 0; i < 6; i++) { // past the driver's threshold for preparing on the server
                        seen.add(tenant + ":" + readOne(connection));
                    }
                    connection.commit();
                    connection.setAutoCommit(true);
                } finally {
                    connections.releaseConnection(tenant, connection);
                }
            }
        }
        assertThat(seen).hasSize(48).allSatisfy(read -> assertThat(read.split(":")[1]).isEqualTo(read.split(":")[0]));
        Connection connection = connections.getConnection("alpha");
        try {
            assertThat(preparedOnTheServer(connection)).contains(READ.replace("?", "$1"));
        } finally {
            connections.releaseConnection("alpha", connection);
        }
    }

    @Test
    void aConnectionWithoutATenantSeesNoTables() throws SQLException {
        Connection used = connections.getConnection("bravo");
        connections.releaseConnection("bravo", used);
        Connection connection = connections.getAnyConnection();
        try {
            assertThatThrownBy(() -> readOne(connection)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not exist");
        } finally {
            connections.releaseAnyConnection(connection);
        }
    }

    private static String readOne(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ); ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            String value = rows.getString(1);
            assertThat(rows.next()).isFalse();
            return value;
        }
    }

    private static List<String> preparedOnTheServer(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT statement FROM pg_catalog.pg_prepared_statements")) {
            while (rows.next()) {
                statements.add(rows.getString(1));
            }
        }
        return statements;
    }
}
