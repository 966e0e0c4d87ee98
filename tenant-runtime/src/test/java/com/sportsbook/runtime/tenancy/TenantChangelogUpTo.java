package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/** A tenant schema as it was before one changeset: for tests of what that changeset does to existing data. */
public final class TenantChangelogUpTo {

    public static final String CHANGELOG = "db/tenant/changelog.yaml";

    private TenantChangelogUpTo() {
    }

    /** Applies the tenant changelog to the tenant's (existing) schema up to, not including, this changeset. */
    public static void migrateUpTo(DataSource migrations, BoundTenant tenant, String changesetId) throws Exception {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(TenantChangelogUpTo.class.getClassLoader());
        List<ChangeSet> changeSets = ChangeLogParserFactory.getInstance().getParser(CHANGELOG, resources)
                .parse(CHANGELOG, new ChangeLogParameters(), resources).getChangeSets();
        int before = changeSets.stream().map(ChangeSet::getId).toList().indexOf(changesetId);
        assertThat(before).as("changeset " + changesetId + " is in the changelog").isPositive();
        try (Connection connection = migrations.getConnection()) {
            connection.createStatement().execute("SET search_path TO " + tenant.schema().quoted());
            Database liquibaseDatabase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            liquibaseDatabase.setDefaultSchemaName(tenant.schema().name());
            liquibaseDatabase.setLiquibaseSchemaName(tenant.schema().name());
            @SuppressWarnings("deprecation")
            Liquibase liquibase = new Liquibase(CHANGELOG, resources, liquibaseDatabase);
            liquibase.update(before, new Contexts(), new LabelExpression());
        }
    }
}
