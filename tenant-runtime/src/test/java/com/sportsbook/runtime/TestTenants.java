package com.sportsbook.runtime;

import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants for integration tests, set up as provisioning does: schema created, migrated and seeded by every module. */
public final class TestTenants {

    private TestTenants() {
    }

    /** Runs {@code work} bound to the tenant in one transaction, as a request would. */
    public static <T> T inTransaction(BoundTenant tenant, PlatformTransactionManager transactions, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    /**
     * Creates, migrates and seeds the tenant's schema, and registers the tenant and its brand with the JVM's {@link
     * LocalControlPlane} (directory and rules: the lenient test jurisdiction).
     */
    public static void provision(BoundTenant tenant, TenantSchemaMigrator migrator, List<TenantSeeder> seeders,
            PlatformTransactionManager transactions) {
        LocalControlPlane.get().provisioned(tenant.slug().value(), tenant.brand());
        migrator.createSchema(tenant.slug());
        migrator.migrate(tenant.slug());
        TenantContext.runAs(tenant, () -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                seeders.forEach(seeder -> seeder.seed(new TenantSeeder.TenantSeed(tenant.slug().value(), List.of())))));
    }
}
