package com.sportsbook.commons;

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
        for (TenantStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown tenant status: " + wireName);
    }

    /** Players and staff may use the tenant's brands. */
    public boolean servesTraffic() {
        return this == ACTIVE;
    }
}
