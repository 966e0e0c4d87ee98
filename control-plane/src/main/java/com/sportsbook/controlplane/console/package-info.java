/**
 * The platform console's API for platform staff: every tenant with its lifecycle status, provisioning state and, from
 * the runtime, its schema's health and version; the upgrade of every tenant schema (start it, follow its progress).
 * The console's pages are static ({@code /console/}); the rollout of feature flags and the audit trail come from
 * their own modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenants", "provisioning"})
package com.sportsbook.controlplane.console;
