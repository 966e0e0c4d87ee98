package com.sportsbook.runtime.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The runtime's connection pool as all of its code sees it: every connection is handed out with the
 * {@code search_path} of the tenant bound to the thread, or an empty one when no tenant is bound, so nothing falls back
 * to a default schema or to the schema of the tenant the connection served before (ADR 0002).
 *
 * <p>The pool remembers the path of each of its physical connections and sets it only when it differs from what the
 * next caller needs (ADR 0029): a connection serving the same tenant again costs no statement, and none is spent on
 * emptying it on its way back. The path is set with {@code set_config}, so the connection's prepared statements
 * survive (ADR 0027). Code that sets a connection's path itself, as schema migrations do, takes its connections from
 * {@link #ownPaths()}: what such a connection's path is afterwards is forgotten, and its next caller sets it again.
 */
public final class TenantBoundDataSource extends DelegatingDataSource {

    /** An empty search path, as {@code set_config} takes it: unqualified names resolve to nothing (pg_catalog aside). */
    static final String NO_SCHEMA = "\"\"";
    private static final String SET_SEARCH_PATH = "SELECT set_config('search_path', ?, false)";

    private final Map<Connection, String> paths = Collections.synchronizedMap(new WeakHashMap<>());
    private final LongAdder changes = new LongAdder();

    public TenantBoundDataSource(DataSource pool) {
        super(pool);
    }

    /** The runtime's pool behind a {@link DataSource} bean (which is this class, or wraps it). */
    public static TenantBoundDataSource of(DataSource dataSource) {
        try {
            return dataSource.unwrap(TenantBoundDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the runtime's DataSource is not tenant-bound: " + dataSource, e);
        }
    }

    /** A connection for the tenant bound to the thread; with none bound, one that sees no tenant's tables. */
    @Override
    public Connection getConnection() throws SQLException {
        return withPath(TenantContext.current().map(tenant -> tenant.schema().quoted()).orElse(NO_SCHEMA));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the runtime's pool hands out connections of its own user only");
    }

    /** A connection whose search_path is exactly {@code path} (a quoted schema, or {@link #NO_SCHEMA}). */
    Connection withPath(String path) throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
        try {
            Connection physical = physical(connection);
            if (!path.equals(paths.get(physical))) {
                // unknown until the change has taken: a failure leaves it for the next caller to set
                paths.remove(physical);
                try (PreparedStatement statement = connection.prepareStatement(SET_SEARCH_PATH)) {
                    statement.setString(1, path);
                    statement.execute();
                }
                changes.increment();
                if (connection.getAutoCommit()) {
                    // inside a transaction a rollback would undo the change: then it is not remembered
                    paths.put(physical, path);
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The pool for code that sets the search_path itself (schema migrations): each connection taken here has its
     * remembered path forgotten, so whatever it is left pointing at, its next caller sets the path again.
     */
    public DataSource ownPaths() {
        return new DelegatingDataSource(obtainTargetDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try {
                    paths.remove(physical(connection));
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
                return connection;
            }
        };
    }

    /** The driver's connection behind the pool's handle (the pool hands out a new handle for each checkout). */
    private static Connection physical(Connection pooled) throws SQLException {
        return pooled.unwrap(Connection.class);
    }

    /** How many times a connection's search_path has been changed since start (a gauge of tenant switching). */
    public long pathChanges() {
        return changes.sum();
    }
}
