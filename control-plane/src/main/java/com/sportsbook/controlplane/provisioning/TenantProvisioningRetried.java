package com.sportsbook.controlplane.provisioning;

import com.sportsbook.controlplane.tenants.PlatformActor;

/** A failed provisioning was resumed from its failed step, which had failed with {@code error}. */
public record TenantProvisioningRetried(String tenant, String failedStep, String error, PlatformActor actor) {
}
