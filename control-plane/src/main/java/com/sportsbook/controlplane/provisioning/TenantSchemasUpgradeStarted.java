package com.sportsbook.controlplane.provisioning;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.time.Instant;

/** Platform staff started the upgrade of every tenant schema to the runtime's changelog. */
public record TenantSchemasUpgradeStarted(Instant startedAt, int tenants, PlatformActor actor) {
}
