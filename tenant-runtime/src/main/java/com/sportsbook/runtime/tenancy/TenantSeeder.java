package com.sportsbook.runtime.tenancy;

import java.util.List;

/**
 * Implemented by modules that put starting data into a new tenant's schema. Called with the tenant bound, inside a
 * transaction, at provisioning's seed step, which may run more than once: a seeder must be idempotent.
 */
public interface TenantSeeder {

    void seed(TenantSeed seed);

    /** What provisioning knows of the new tenant when it seeds. */
    record TenantSeed(String tenant, List<BrandSeed> brands) {
        public TenantSeed {
            brands = List.copyOf(brands);
        }
    }

    record BrandSeed(String slug, String name, String defaultCurrency) {
    }
}
