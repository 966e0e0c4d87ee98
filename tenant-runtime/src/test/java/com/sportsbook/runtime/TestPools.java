package com.sportsbook.runtime;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantChangelogUpTo;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools on a test database, for tests that work below the runtime's own data source. */
public final class TestPools {

    private TestPools() {
    }

    /** A pool of this size on the database, connections in no schema in particular. */
    public static HikariConfig config(TestDatabase database, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(poolSize);
        return config;
    }

    /** A pool whose connections work in the tenant's schema, as the runtime's are bound to it. */
    public static HikariConfig boundTo(TestDatabase database, BoundTenant tenant, int poolSize) {
        HikariConfig config = config(database, poolSize);
        config.setConnectionInitSql("SET search_path TO " + tenant.schema().quoted());
        return config;
    }

    /** Creates the tenant's schema and migrates it to the current tenant changelog. */
    public static void migrateTenant(TestDatabase database, BoundTenant tenant) {
        try (HikariDataSource migrations = new HikariDataSource(config(database, 2))) {
            TenantSchemaMigrator migrator = new TenantSchemaMigrator(migrations, TenantChangelogUpTo.CHANGELOG);
            migrator.createSchema(tenant.slug());
            migrator.migrate(tenant.slug());
        }
    }
}
