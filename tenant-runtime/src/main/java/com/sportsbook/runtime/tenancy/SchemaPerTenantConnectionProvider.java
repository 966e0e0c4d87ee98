package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSlug;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final DataSource dataSource;

    SchemaPerTenantConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        execute(connection, NO_SCHEMA);
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
        String searchPath = "SET search_path TO " + new TenantSlug(tenant).schema().quoted();
        Connection connection = dataSource.getConnection();
        try {
            execute(connection, searchPath);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void releaseConnection(String tenant, Connection connection) throws SQLException {
        try {
            execute(connection, NO_SCHEMA);
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

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
