package com.sportsbook.commons;

import java.util.Arrays;
import java.util.Locale;

/** The tenant lifecycle the control plane owns and the gateway and runtime obey. */
public enum TenantStatus {
    PROVISIONING,
    PROVISIONING_FAILED,
    ACTIVE,
    SUSPENDED,
    OFFBOARDING,
    ARCHIVED;

    /** The wire and database form, e.g. {@code provisioning_failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantStatus fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tenant status: " + wireName));
    }

    /** Players and staff may use the tenant's brands. */
    public boolean servesTraffic() {
        return this == ACTIVE;
    }
}
