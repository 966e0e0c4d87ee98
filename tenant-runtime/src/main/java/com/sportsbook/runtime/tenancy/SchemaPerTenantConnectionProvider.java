package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSlug;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose {@code search_path} is exactly the tenant's schema, and empties the
 * {@code search_path} again before the connection goes back to the pool. A connection without a tenant sees no
 * tables at all, so nothing can fall back to a default schema, and a connection that served tenant A cannot leak
 * A's schema into B's work.
 */
class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** An empty search path: unqualified names resolve to nothing (pg_catalog aside). */
    static final String NO_SCHEMA = "SET search_path TO ''";

    /**
     * The same change as a function call, for connections in use: the JDBC driver drops every server-prepared statement
     * of a connection on a {@code SET search_path} command, so each transaction's statements would be parsed and
     * planned afresh; PostgreSQL itself re-parses a prepared statement whose search_path changed (ADR 0027).
     */
    private static final String NONE = "\"\"";
    private static final String SET_SEARCH_PATH = "SELECT set_config('search_path', ?, false)";

    private final DataSource dataSource;

    SchemaPerTenantConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        searchPath(connection, NONE);
        return connection;
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenant) throws SQLException {
        if (BoundTenantIdentifierResolver.NO_TENANT.equals(tenant)) {
            throw new NoTenantBoundException();
        }
        String schema = new TenantSlug(tenant).schema().quoted();
        Connection connection = dataSource.getConnection();
        try {
            searchPath(connection, schema);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void releaseConnection(String tenant, Connection connection) throws SQLException {
        try {
            searchPath(connection, NONE);
        } finally {
            connection.close();
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException("cannot unwrap as " + type);
    }

    private static void searchPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SET_SEARCH_PATH)) {
            statement.setString(1, path);
            statement.execute();
        }
    }
}
