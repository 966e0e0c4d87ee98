package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSlug;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs every module's {@link TenantSeeder} for one tenant, bound to it, in one transaction. */
@Component
class TenantSeeding {

    private final List<TenantSeeder> seeders;
    private final TransactionTemplate transactions;

    TenantSeeding(List<TenantSeeder> seeders, TransactionTemplate transactions) {
        this.seeders = seeders;
        this.transactions = transactions;
    }

    void seed(TenantSeeder.TenantSeed seed) {
        TenantContext.runAs(new BoundTenant(new TenantSlug(seed.tenant()), null),
                () -> transactions.executeWithoutResult(status -> seeders.forEach(seeder -> seeder.seed(seed))));
    }
}
