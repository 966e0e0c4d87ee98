package com.sportsbook.controlplane.provisioning;

import java.util.Locale;

/** The saga's steps, in the order they run. Each must be safe to run again. */
public enum ProvisioningStep {
    SCHEMA_CREATED,
    MIGRATIONS_APPLIED,
    IDENTITY_REALM,
    SEED_DATA,
    HOSTS_ROUTED,
    ACTIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ProvisioningStep fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
