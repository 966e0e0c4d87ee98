/**
 * Feature flags: platform staff define flags and roll them out to named tenants, to a percentage of tenants by a
 * stable hash of the tenant id (the hash Unleash's {@code flexibleRollout} uses with stickiness on {@code tenantId}),
 * narrowed by jurisdiction, with a kill switch over everything. Every change is recorded with who, when, before and
 * after. The control plane keeps a real Unleash in sync through its Admin API ({@code unleash}) and publishes the
 * same flags in Unleash's client-features format for runtimes that run without Unleash. {@code core} is plain Java
 * (keys, rollouts, the hash and the evaluation, the Unleash shape). See docs/adr/0022-feature-flags-unleash.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenants", "templates"})
package com.sportsbook.controlplane.flags;
