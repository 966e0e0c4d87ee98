package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSlug;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose {@code search_path} is exactly the tenant's schema; a connection asked for
 * without a tenant sees no tables at all, so nothing can fall back to a default schema. The pool sets the path on
 * the way out and only when it differs from the connection's current one ({@link TenantBoundDataSource}), so a
 * connection that served tenant A is pointed at B before B's work sees it, and nothing is reset on the way back.
 */
class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** An empty search path, as a new pooled connection starts with (the pool's init SQL). */
    static final String NO_SCHEMA = "SET search_path TO ''";

    private final TenantBoundDataSource connections;

    SchemaPerTenantConnectionProvider(TenantBoundDataSource connections) {
        this.connections = connections;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return connections.withPath(TenantBoundDataSource.NO_SCHEMA);
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
        return connections.withPath(new TenantSlug(tenant).schema().quoted());
    }

    @Override
    public void releaseConnection(String tenant, Connection connection) throws SQLException {
        connection.close();
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
}
