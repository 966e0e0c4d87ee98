package com.sportsbook.runtime.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which tenant a new session belongs to: the bound one. Without one it answers {@link #NO_TENANT},
 * a name no tenant can have; a session may be opened that way (Spring Data builds its queries through one at
 * start-up) but the connection provider refuses it a connection, so no data is touched without a tenant.
 */
class BoundTenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    /** Not a valid slug, so it can never name a schema. */
    static final String NO_TENANT = "-no-tenant-";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(tenant -> tenant.slug().value()).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
