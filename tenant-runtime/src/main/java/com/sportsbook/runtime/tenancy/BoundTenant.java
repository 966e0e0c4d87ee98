package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSchema;
import com.sportsbook.commons.TenantSlug;

/**
 * The tenant a unit of work runs for.
 *
 * @param brand the brand whose host was called; null for background work that spans a tenant's brands
 */
public record BoundTenant(TenantSlug slug, String brand) {

    public static BoundTenant of(String slug) {
        return new BoundTenant(new TenantSlug(slug), null);
    }

    public TenantSchema schema() {
        return slug.schema();
    }
}
