package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant as other modules and the API see it. */
public record TenantView(
        UUID id,
        String slug,
        String operatorName,
        String operatorEmail,
        String operatorAccount,
        TenantStatus status,
        String schema,
        String databaseCell,
        Instant createdAt,
        Instant updatedAt,
        List<BrandView> brands) {
}
