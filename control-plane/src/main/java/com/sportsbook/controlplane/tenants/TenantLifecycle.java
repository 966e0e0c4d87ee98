package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.TenantStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which lifecycle moves a tenant may make. */
final class TenantLifecycle {

    private static final Map<TenantStatus, Set<TenantStatus>> ALLOWED = Map.of(
            TenantStatus.PROVISIONING, EnumSet.of(TenantStatus.PROVISIONING_FAILED, TenantStatus.ACTIVE),
            TenantStatus.PROVISIONING_FAILED, EnumSet.of(TenantStatus.PROVISIONING),
            TenantStatus.ACTIVE, EnumSet.of(TenantStatus.SUSPENDED, TenantStatus.OFFBOARDING),
            TenantStatus.SUSPENDED, EnumSet.of(TenantStatus.ACTIVE, TenantStatus.OFFBOARDING),
            TenantStatus.OFFBOARDING, EnumSet.of(TenantStatus.ARCHIVED),
            TenantStatus.ARCHIVED, EnumSet.noneOf(TenantStatus.class));

    private TenantLifecycle() {
    }

    static boolean allows(TenantStatus from, TenantStatus to) {
        return from == to || ALLOWED.get(from).contains(to);
    }
}
