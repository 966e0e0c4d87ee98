package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.TestPools;
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
 * statements survive the switch (no re-parse per transaction), a connection without a tenant sees no tables, and the
 * path is changed only when the next caller needs another one.
 */
class SchemaPerTenantConnectionsIT {

    private static final String READ = "SELECT v FROM probe ORDER BY v";
    private static HikariDataSource pool;
    private static TenantBoundDataSource tenantBound;
    private static SchemaPerTenantConnectionProvider connections;

    @BeforeAll
    static void twoTenantsOnOneConnection() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        HikariConfig config = TestPools.config(database, 1);
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
        tenantBound = new TenantBoundDataSource(pool);
        connections = new SchemaPerTenantConnectionProvider(tenantBound);
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

    @Test
    void aConnectionServingTheSameTenantAgainIsNotPointedAtItAgain() throws SQLException {
        connections.releaseConnection("alpha", connections.getConnection("alpha"));
        long before = tenantBound.pathChanges();
        for (int i = 0; i < 5; i++) {
            Connection connection = connections.getConnection("alpha");
            try {
                assertThat(readOne(connection)).isEqualTo("alpha");
            } finally {
                connections.releaseConnection("alpha", connection);
            }
        }
        assertThat(tenantBound.pathChanges()).isEqualTo(before);

        Connection other = connections.getConnection("bravo");
        try {
            assertThat(readOne(other)).isEqualTo("bravo");
        } finally {
            connections.releaseConnection("bravo", other);
        }
        assertThat(tenantBound.pathChanges()).isEqualTo(before + 1);
    }

    @Test
    void aConnectionTakenFromThePoolServesTheBoundTenantOrNone() throws SQLException {
        TenantContext.runAs(BoundTenant.of("bravo"), () -> {
            try (Connection connection = tenantBound.getConnection()) {
                assertThat(readOne(connection)).isEqualTo("bravo");
                assertThat(searchPath(connection)).isEqualTo("\"tenant_bravo\"");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection connection = tenantBound.getConnection()) {
            assertThat(searchPath(connection)).isEqualTo("\"\"");
            assertThatThrownBy(() -> readOne(connection)).isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void aConnectionWhosePathWasSetByItsUserIsSetAgainForTheNext() throws SQLException {
        connections.releaseConnection("alpha", connections.getConnection("alpha"));
        try (Connection migrating = tenantBound.ownPaths().getConnection(); Statement statement = migrating.createStatement()) {
            statement.execute("SET search_path TO " + new TenantSlug("bravo").schema().quoted());
        }
        Connection connection = connections.getConnection("alpha");
        try {
            assertThat(readOne(connection)).isEqualTo("alpha");
        } finally {
            connections.releaseConnection("alpha", connection);
        }
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW search_path")) {
            rows.next();
            return rows.getString(1);
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
