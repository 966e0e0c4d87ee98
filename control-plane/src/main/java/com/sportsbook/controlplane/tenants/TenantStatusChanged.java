package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.TenantStatus;
import java.util.UUID;

/**
 * A tenant moved through its lifecycle (provisioned, failed, suspended, resumed, offboarded), published inside the
 * transaction that moved it.
 */
public record TenantStatusChanged(UUID tenantId, String tenant, TenantStatus from, TenantStatus to, PlatformActor actor) {
}
