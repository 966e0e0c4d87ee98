package com.sportsbook.commons;

import java.util.Locale;

/**
 * Headers the gateway sets after resolving the called host. Clients can send headers of the same names; the
 * gateway strips every header with these prefixes before setting its own, and the runtime trusts them only with a
 * valid {@link TenantContextSignature}.
 */
public final class TrustedHeaders {

    public static final String TENANT_ID = "X-Tenant-Id";
    public static final String BRAND_ID = "X-Brand-Id";
    public static final String ISSUED_AT = "X-Tenant-Context-Issued-At";
    public static final String SIGNATURE = "X-Tenant-Context-Signature";
    /** Service-to-service calls under /internal carry this token; the gateway never forwards it from outside. */
    public static final String INTERNAL_TOKEN = "X-Internal-Token";
    /**
     * The tenant an internal call acts for; the control plane reveals a tenant's credentials only to a call naming
     * that same tenant (a mixed-up path is refused, not answered with another tenant's secrets).
     */
    public static final String INTERNAL_TENANT = "X-Internal-Tenant";

    private static final String[] STRIPPED_PREFIXES = {"x-tenant-", "x-brand-", "x-internal-"};

    private TrustedHeaders() {
    }

    /** Whether a client-sent header must be removed at the edge. */
    public static boolean isReserved(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        for (String prefix : STRIPPED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
