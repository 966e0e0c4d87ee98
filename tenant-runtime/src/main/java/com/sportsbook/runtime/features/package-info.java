/**
 * Feature flags in the runtime: whether a feature is on for the tenant and brand being served, evaluated by Unleash's
 * SDK (unleash-client-java, the Yggdrasil engine) with {@code tenantId}, {@code brand} and {@code jurisdiction} in the
 * Unleash context. The flags come from a real Unleash when {@code UNLEASH_URL} is set, otherwise from the control
 * plane's snapshot in Unleash's format (the embedded default); the control plane owns them either way (ADR 0022).
 * Other modules ask {@link com.sportsbook.runtime.features.Features}; the skin reads {@code GET /api/v1/features}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy"})
package com.sportsbook.runtime.features;
