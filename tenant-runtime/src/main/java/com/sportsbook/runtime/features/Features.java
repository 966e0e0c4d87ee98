package com.sportsbook.runtime.features;

import java.util.Map;

/**
 * Whether a feature is on. For the tenant and brand bound to the current request ({@code TenantContext}), or for a
 * named tenant and brand in background work. A brand licensed in several jurisdictions has a feature only if every
 * one of them allows it.
 */
public interface Features {

    /** The problem code of a call refused because its feature is off for this brand. */
    String FEATURE_DISABLED = "feature_disabled";

    boolean enabled(Feature feature);

    boolean enabled(Feature feature, String tenant, String brand);

    /** Every gated feature for the bound brand, by flag key: what the skin shows. */
    Map<String, Boolean> forBoundBrand();
}
