package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSchema;
import com.sportsbook.commons.TenantSlug;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Creates tenant schemas and applies the tenant changelog to one schema at a time. Liquibase keeps its changelog
 * and lock tables inside each tenant schema, so tenants migrate independently and two runtimes migrating the same
 * tenant wait on that tenant's lock only.
 */
public class TenantSchemaMigrator {

    private final DataSource dataSource;
    private final String changelog;
    private volatile Integer changesetsInChangelog;

    public TenantSchemaMigrator(DataSource dataSource, String changelog) {
        this.dataSource = dataSource;
        this.changelog = changelog;
    }

    /** Creates the tenant's schema if it does not exist. Idempotent. */
    public void createSchema(TenantSlug tenant) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + tenant.schema().quoted());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + tenant.schema() + ": " + e.getMessage(), e);
        }
    }

    /** Applies every changeset not yet applied to the tenant's schema. Idempotent. */
    public MigrationOutcome migrate(TenantSlug tenant) {
        TenantSchema schema = tenant.schema();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (!schemaExists(connection, schema)) {
                    throw new IllegalStateException("schema " + schema + " does not exist; create it first");
                }
                int before = appliedChangesets(connection, schema);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET search_path TO " + schema.quoted());
                }
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName(schema.name());
                database.setLiquibaseSchemaName(schema.name());
                @SuppressWarnings("deprecation")
                Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
                liquibase.update(new Contexts(), new LabelExpression());
                int after = appliedChangesets(connection, schema);
                return new MigrationOutcome(tenant.value(), schema.name(), after - before, after,
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                resetSearchPath(connection);
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("migrating " + schema + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * The schema's state as the platform console shows it: reachable, its changesets applied against those the
     * shipped changelog has, and the last one applied. Reads only, schema-qualified (no search path is set).
     */
    public SchemaState inspect(TenantSlug tenant) {
        TenantSchema schema = tenant.schema();
        long started = System.nanoTime();
        int expected = changesetsInChangelog();
        try (Connection connection = dataSource.getConnection()) {
            if (!schemaExists(connection, schema)) {
                return new SchemaState(tenant.value(), schema.name(), false, 0, expected, false, null,
                        "The schema " + schema.name() + " does not exist.", Instant.now(), millisSince(started));
            }
            int applied = appliedChangesets(connection, schema);
            SchemaState.LastChangeset last = applied == 0 ? null : lastChangeset(connection, schema);
            return new SchemaState(tenant.value(), schema.name(), true, applied, expected, applied >= expected, last, null,
                    Instant.now(), millisSince(started));
        } catch (SQLException | RuntimeException e) {
            return new SchemaState(tenant.value(), schema.name(), false, 0, expected, false, null,
                    "The schema could not be read: " + rootMessage(e), Instant.now(), millisSince(started));
        }
    }

    /** How many changesets the tenant changelog this runtime ships has, includes followed. */
    public int changesetsInChangelog() {
        Integer known = changesetsInChangelog;
        if (known == null) {
            ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(getClass().getClassLoader());
            try {
                known = ChangeLogParserFactory.getInstance().getParser(changelog, resources)
                        .parse(changelog, new ChangeLogParameters(), resources).getChangeSets().size();
            } catch (LiquibaseException e) {
                throw new IllegalStateException("the tenant changelog " + changelog + " cannot be read: " + rootMessage(e), e);
            }
            changesetsInChangelog = known;
        }
        return known;
    }

    private static SchemaState.LastChangeset lastChangeset(Connection connection, TenantSchema schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rows = statement.executeQuery("SELECT id, author, filename, dateexecuted FROM " + schema.quoted()
                    + ".databasechangelog ORDER BY orderexecuted DESC, dateexecuted DESC LIMIT 1")) {
                if (!rows.next()) {
                    return null;
                }
                java.sql.Timestamp executed = rows.getTimestamp(4);
                return new SchemaState.LastChangeset(rows.getString(1), rows.getString(2), rows.getString(3),
                        executed == null ? null : executed.toInstant());
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static boolean schemaExists(Connection connection, TenantSchema schema) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int appliedChangesets(Connection connection, TenantSchema schema) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'databasechangelog'")) {
            statement.setString(1, schema.name());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return 0;
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + schema.quoted() + ".databasechangelog")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Liquibase sets the search path; the connection must go back to the pool pointing at no tenant. */
    private static void resetSearchPath(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(SchemaPerTenantConnectionProvider.NO_SCHEMA);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
