package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenant schemas migrate one by one with their own changelog tables; an upgrade reaches every tenant. */
class TenantSchemaMigrationIT {

    private static final String SHIPPED = "db/tenant/changelog.yaml";
    private static final String UPGRADED = "db/tenant-upgrade-test/changelog.yaml";
    private static final int TENANTS = 50;

    private static HikariDataSource dataSource;

    @BeforeAll
    static void connect() {
        TestDatabase database = TestPostgres.freshDatabase();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(4);
        dataSource.setConnectionInitSql(SchemaPerTenantConnectionProvider.NO_SCHEMA);
    }

    @AfterAll
    static void disconnect() {
        dataSource.close();
    }

    @Test
    void migratingASchemaTwiceAppliesNothingTheSecondTimeAndKeepsTheChangelogInsideIt() throws SQLException {
        TenantSchemaMigrator migrator = new TenantSchemaMigrator(dataSource, SHIPPED);
        TenantSlug tenant = new TenantSlug("twice");
        migrator.createSchema(tenant);
        migrator.createSchema(tenant);

        MigrationOutcome first = migrator.migrate(tenant);
        MigrationOutcome second = migrator.migrate(tenant);

        assertThat(first.changesetsApplied()).isPositive();
        assertThat(second.changesetsApplied()).isZero();
        assertThat(tablesOf("tenant_twice")).contains("databasechangelog", "databasechangeloglock", "sport", "notice");
        assertThat(tablesOf("public")).doesNotContain("databasechangelog", "sport", "notice");
    }

    /** What the platform console shows of a schema: its version against the changelog the runtime ships. */
    @Test
    void aSchemasStateShowsItsVersionAgainstTheShippedChangelogAndAMissingSchemaIsUnreachable() {
        TenantSchemaMigrator migrator = new TenantSchemaMigrator(dataSource, SHIPPED);
        TenantSlug tenant = new TenantSlug("inspected");
        migrator.createSchema(tenant);

        SchemaState empty = migrator.inspect(tenant);
        MigrationOutcome migrated = migrator.migrate(tenant);
        SchemaState current = migrator.inspect(tenant);
        SchemaState behind = new TenantSchemaMigrator(dataSource, UPGRADED).inspect(tenant);
        SchemaState missing = migrator.inspect(new TenantSlug("never-created"));

        assertThat(empty.reachable()).isTrue();
        assertThat(empty.changesetsApplied()).isZero();
        assertThat(empty.upToDate()).isFalse();
        assertThat(current.changesetsApplied()).isEqualTo(migrated.changesetsTotal()).isEqualTo(migrator.changesetsInChangelog());
        assertThat(current.upToDate()).isTrue();
        assertThat(current.lastChangeset().file()).startsWith("db/tenant/").endsWith(".yaml");
        assertThat(current.lastChangeset().executedAt()).isNotNull();
        assertThat(behind.changesetsExpected()).as("the upgrade ships one more").isEqualTo(current.changesetsApplied() + 1);
        assertThat(behind.upToDate()).isFalse();
        assertThat(missing.reachable()).isFalse();
        assertThat(missing.error()).contains("does not exist");
    }

    @Test
    void migratingAConnectionLeavesItPointingAtNoTenant() throws SQLException {
        TenantSchemaMigrator migrator = new TenantSchemaMigrator(dataSource, SHIPPED);
        TenantSlug tenant = new TenantSlug("pathcheck");
        migrator.createSchema(tenant);
        migrator.migrate(tenant);

        for (int i = 0; i < 4; i++) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW search_path")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("\"\"");
            }
        }
    }

    @Test
    void aNewChangesetReachesAllFiftyTenantsAndOneBrokenTenantDoesNotStopTheOthers() throws Exception {
        List<String> tenants = IntStream.rangeClosed(1, TENANTS).mapToObj(i -> "fleet-" + i).toList();
        TenantSchemaMigrator shipped = new TenantSchemaMigrator(dataSource, SHIPPED);
        long provisionStarted = System.nanoTime();
        for (String tenant : tenants) {
            shipped.createSchema(new TenantSlug(tenant));
            shipped.migrate(new TenantSlug(tenant));
        }
        long provisionMillis = (System.nanoTime() - provisionStarted) / 1_000_000;
        execute("ALTER TABLE \"tenant_fleet_7\".notice ADD COLUMN pinned text");

        TenantSchemaUpgrade upgrade = new TenantSchemaUpgrade(new TenantSchemaMigrator(dataSource, UPGRADED), 2, Clock.systemUTC());
        long upgradeStarted = System.nanoTime();
        TenantSchemaUpgrade.Report report = upgrade.upgrade(tenants);
        long upgradeMillis = (System.nanoTime() - upgradeStarted) / 1_000_000;

        assertThat(report.total()).isEqualTo(TENANTS);
        assertThat(report.done()).isEqualTo(TENANTS);
        assertThat(report.failed()).extracting(TenantSchemaUpgrade.Report.Failure::tenant).containsExactly("fleet-7");
        assertThat(report.failed().getFirst().error()).contains("pinned");
        assertThat(report.succeeded()).hasSize(TENANTS - 1).allSatisfy(outcome -> assertThat(outcome.changesetsApplied()).isEqualTo(1));
        for (String tenant : tenants) {
            String schema = new TenantSlug(tenant).schema().name();
            assertThat(columnType(schema, "notice", "pinned"))
                    .as("column added by the upgrade in %s", schema)
                    .isEqualTo(tenant.equals("fleet-7") ? "text" : "boolean");
        }
        assertThat(upgrade.lastReport()).isEqualTo(report);
        assertThat(report.current()).as("nothing migrating once finished").isEmpty();
        assertThat(report.running()).isFalse();
        record(("schemas created and migrated from empty: %d in %d ms (%.1f ms each); upgrade of %d schemas with one new"
                + " changeset, 2 at a time: %d ms (%.1f ms each)%n").formatted(TENANTS, provisionMillis,
                provisionMillis / (double) TENANTS, TENANTS, upgradeMillis, upgradeMillis / (double) TENANTS));
    }

    private static List<String> tablesOf(String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> tables = new java.util.ArrayList<>();
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
                return tables;
            }
        }
    }

    private static String columnType(String schema, String table, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT data_type FROM information_schema.columns"
                     + " WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void record(String line) throws IOException {
        System.out.print(line);
        Path file = Path.of("target", "measurements", "tenant-schema-migration.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
